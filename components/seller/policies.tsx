import { getLocale, getT } from '@/lib/i18n/server';
import type { SellerPolicy } from '@/lib/seller/policies';
import { money } from './format';

/** The pages a session's `links[]` point to: shipping, returns, terms, tax and support. */
export async function Policies({ policy }: { policy: SellerPolicy }) {
  const [t, locale] = await Promise.all([getT('seller'), getLocale()]);
  const rates = [...policy.domesticRates, ...(policy.internationalRate ? [policy.internationalRate] : [])];
  const countries = [policy.homeCountry, ...policy.internationalCountries].join(', ');
  const card = 'scroll-mt-20 space-y-1 rounded-xl border border-line bg-surface p-4 text-sm';
  return (
    <section aria-labelledby="policies-heading" className="space-y-2">
      <h2 id="policies-heading" className="text-base font-semibold">
        {t('policiesTitle')}
      </h2>
      <div className="grid gap-3 md:grid-cols-2">
        <div id="shipping" className={card}>
          <h3 className="font-medium">{t('shippingTitle')}</h3>
          <p className="text-muted">{t('shipsTo', { countries })}</p>
          <ul className="space-y-0.5">
            {rates.map((rate) => (
              <li key={rate.id}>
                {locale === 'ja' ? rate.titleJa : rate.title} ({rate.carrier}):{' '}
                {money(rate.price, policy.currency, locale)}
                {rate.freeOver
                  ? `, ${t('freeOver', { amount: money(rate.freeOver, policy.currency, locale) })}`
                  : ''}{' '}
                · {t('businessDays', { min: rate.minDays, max: rate.maxDays })}
              </li>
            ))}
          </ul>
        </div>
        <div id="returns" className={card}>
          <h3 className="font-medium">{t('returnsTitle')}</h3>
          <p>{t('returnsText')}</p>
        </div>
        <div id="terms" className={card}>
          <h3 className="font-medium">{t('termsTitle')}</h3>
          <p>{t('termsText')}</p>
          <h3 className="pt-2 font-medium">{t('taxTitle')}</h3>
          <p>{policy.homeCountry === 'JP' ? t('taxJp') : t('taxUs')}</p>
        </div>
        <div id="support" className={card}>
          <h3 className="font-medium">{t('supportTitle')}</h3>
          <p>
            <a className="text-accent hover:underline" href={`mailto:${policy.support.email}`}>
              {policy.support.email}
            </a>
          </p>
          <p>{policy.support.phone}</p>
          <p className="text-muted">{policy.support.hours}</p>
        </div>
      </div>
    </section>
  );
}
