import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // PGlite ships WASM and resolves files relative to its own module URL.
  serverExternalPackages: ['@electric-sql/pglite'],
  poweredByHeader: false,
  allowedDevOrigins: ['127.0.0.1'],
  devIndicators: false,
};

export default nextConfig;
