'use client';

import { useT } from '@/components/i18n-provider';
import type { CheckoutView } from '@/lib/agent/tools/schemas';

/** What the seller said about this checkout (out of stock, invalid address, declined card …), word for word. */
export function SellerMessages({
  messages,
  sellerName,
}: {
  messages: CheckoutView['messages'];
  sellerName: string;
}) {
  const t = useT('checkout');
  if (messages.length === 0) return null;
  return (
    <div className="space-y-1.5" data-testid="seller-messages">
      <p className="text-xs text-muted">{t('sellerSays', { seller: sellerName })}</p>
      <ul className="space-y-1.5">
        {messages.map((message, i) => (
          <li
            key={i}
            data-testid="seller-message"
            data-code={message.code}
            className={`rounded-lg px-3 py-2 text-sm ${
              message.type === 'error'
                ? 'bg-bad/10 text-bad'
                : message.type === 'warning'
                  ? 'bg-warn/10 text-warn'
                  : 'bg-surface-2 text-ink'
            }`}
          >
            {message.text}
          </li>
        ))}
      </ul>
    </div>
  );
}
