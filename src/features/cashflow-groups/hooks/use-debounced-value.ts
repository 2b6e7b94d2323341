// The hook is lib's now (the affiliates page had a copy); this path stays only for
// components/value-editors.tsx, under another change: point it at '@/lib/use-debounced-value'
// and delete this file.
export { useDebouncedValue } from '@/lib/use-debounced-value';
