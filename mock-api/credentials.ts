// The fixed credentials both emulators accept, shared with the BFF's dev defaults and the tests.
export const EMULATOR_CREDENTIALS = {
  exnessLogin: 'demo@partner.example',
  exnessPassword: 'demo-password',
  hasOffersNetworkToken: 'emulated-network-token-5f2c',
} as const;
