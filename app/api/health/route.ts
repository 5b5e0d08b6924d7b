import { NextResponse } from 'next/server';
import { bootStatus } from '@/lib/boot';

export const dynamic = 'force-dynamic';

/** Readiness for scripts and load balancers: the database is migrated and the demo data is seeded. */
export async function GET() {
  const status = await bootStatus();
  return NextResponse.json(status, { status: status.ready ? 200 : 503 });
}
