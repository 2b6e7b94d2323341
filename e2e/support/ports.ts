// Ports the e2e chain runs on: apart from `npm run dev`'s defaults, so both can run at once.
export const E2E_PORTS = {
  vite: Number(process.env.E2E_VITE_PORT ?? 5273),
  bff: Number(process.env.E2E_BFF_PORT ?? 8887),
  exness: Number(process.env.E2E_EXNESS_PORT ?? 4110),
  hasoffers: Number(process.env.E2E_HASOFFERS_PORT ?? 4120),
};

export const E2E_URLS = {
  app: `http://127.0.0.1:${E2E_PORTS.vite}`,
  bff: `http://127.0.0.1:${E2E_PORTS.bff}`,
  exness: `http://127.0.0.1:${E2E_PORTS.exness}`,
  hasoffers: `http://127.0.0.1:${E2E_PORTS.hasoffers}`,
};
