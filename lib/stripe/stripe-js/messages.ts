/**
 * Strings of the stand-in's own UI. They live here, not in lib/i18n, because the stand-in plays
 * Stripe.js: a separate world that only knows the `locale` option it was given.
 */

export type StandInLocale = 'en' | 'ja';

const en = {
  card: 'Card',
  cardNumber: 'Card number',
  expiry: 'Expiration date',
  expiryPlaceholder: 'MM / YY',
  cvc: 'Security code',
  cvcPlaceholder: 'CVC',
  country: 'Country',
  zip: 'ZIP code',
  postal: 'Postal code',
  testBadge: 'Stripe emulator · test mode',
  incomplete_number: 'Your card number is incomplete.',
  invalid_number: 'Your card number is invalid.',
  incomplete_expiry: "Your card's expiration date is incomplete.",
  invalid_expiry_month: "Your card's expiration month is invalid.",
  invalid_expiry_year: "Your card's expiration year is invalid.",
  invalid_expiry_month_past: "Your card's expiration date is in the past.",
  invalid_expiry_year_past: "Your card's expiration year is in the past.",
  incomplete_cvc: "Your card's security code is incomplete.",
  incomplete_zip: 'Your postal code is incomplete.',
  invalid_postal_code: 'Your postal code is invalid.',
  challengeTitle: 'Test 3D Secure authentication',
  challengeBody:
    'Your bank asks you to confirm this card. This is the Stripe emulator’s test page: choose how the authentication should end.',
  challengeApprove: 'Complete authentication',
  challengeFail: 'Fail authentication',
  authenticationFailed:
    'We are unable to authenticate your payment method. Please choose a different payment method and try again.',
  network: 'We could not reach the payment service. Check your connection and try again.',
  countryNames: 'United States|Japan|United Kingdom|Canada|Germany|France|Australia',
};

const ja: typeof en = {
  card: 'カード',
  cardNumber: 'カード番号',
  expiry: '有効期限',
  expiryPlaceholder: 'MM / YY',
  cvc: 'セキュリティコード',
  cvcPlaceholder: 'CVC',
  country: '国',
  zip: 'ZIP コード',
  postal: '郵便番号',
  testBadge: 'Stripe エミュレーター · テストモード',
  incomplete_number: 'カード番号が不完全です。',
  invalid_number: 'カード番号が無効です。',
  incomplete_expiry: 'カードの有効期限が不完全です。',
  invalid_expiry_month: 'カードの有効期限の月が無効です。',
  invalid_expiry_year: 'カードの有効期限の年が無効です。',
  invalid_expiry_month_past: 'カードの有効期限が過ぎています。',
  invalid_expiry_year_past: 'カードの有効期限の年が過ぎています。',
  incomplete_cvc: 'カードのセキュリティコードが不完全です。',
  incomplete_zip: '郵便番号が不完全です。',
  invalid_postal_code: '郵便番号が無効です。',
  challengeTitle: 'テスト用 3D セキュア認証',
  challengeBody:
    'カード会社がこのカードの確認を求めています。これは Stripe エミュレーターのテスト画面です。認証の結果を選んでください。',
  challengeApprove: '認証を完了する',
  challengeFail: '認証を失敗させる',
  authenticationFailed:
    'お支払い方法を認証できませんでした。別のお支払い方法を選んで、もう一度お試しください。',
  network: '決済サービスに接続できませんでした。接続を確認して、もう一度お試しください。',
  countryNames: 'アメリカ合衆国|日本|イギリス|カナダ|ドイツ|フランス|オーストラリア',
};

export type StandInMessages = typeof en;
export type StandInMessageKey = keyof StandInMessages;

export function standInMessages(locale: StandInLocale): StandInMessages {
  return locale === 'ja' ? ja : en;
}

/** Elements' `locale` option: "auto" follows the page, as Stripe.js follows the browser. */
export function resolveLocale(option: string | undefined): StandInLocale {
  const tag =
    !option || option === 'auto'
      ? (typeof document !== 'undefined' ? document.documentElement.lang : '') || navigatorLanguage()
      : option;
  return tag.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

function navigatorLanguage(): string {
  return typeof navigator !== 'undefined' ? navigator.language : 'en';
}
