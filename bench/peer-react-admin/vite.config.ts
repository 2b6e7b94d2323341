// The peer's build: Vite with the React plugin and nothing else, as react-admin's own Vite
// template has it; `bench/run.ts` runs it with this folder as the root and a temporary outDir.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
});
