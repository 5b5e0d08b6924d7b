/** The API version the emulator speaks: the one stripe@22.7.0-beta.1 pins, with Shared Payment Tokens. */
export const STRIPE_API_VERSION = '2026-08-26.preview';
