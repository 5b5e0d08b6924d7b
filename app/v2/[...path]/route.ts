// Stripe's v2 API is not emulated, but the SDK's v2 calls (`v2.network.businessProfiles.me()`) get
// Stripe's JSON error from the emulator rather than the app's HTML 404.
export const dynamic = 'force-dynamic';
export { GET, POST, DELETE } from '../../v1/[...path]/route';
