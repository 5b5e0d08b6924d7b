import { handleChatRequest } from '@/lib/agent/chat/handler';
import type { ChatErrorBody } from '@/lib/agent/chat/types';
import { NoBuyerError, requireBuyer } from '@/lib/buyer/current';
import { getDb } from '@/lib/db/client';
import { translator } from '@/lib/i18n';
import { getLocale } from '@/lib/i18n/server';

export const maxDuration = 60;

/** The chat's streaming endpoint; all of its logic lives in lib/agent/chat/handler.ts. */
export async function POST(request: Request) {
  const locale = await getLocale();
  let buyerId: string;
  try {
    buyerId = await requireBuyer();
  } catch (error) {
    if (!(error instanceof NoBuyerError)) throw error;
    const body: ChatErrorBody = {
      error: { code: 'no_buyer', message: translator(locale, 'chat')('errorNoBuyer') },
    };
    return Response.json(body, { status: 401 });
  }
  return handleChatRequest(request, { db: await getDb(), buyerId, locale });
}
