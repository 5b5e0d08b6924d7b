import type { Messages } from '../types';

/** Signing in to a dashboard (a seller's or the Stripe emulator's), and the local-demo note. */
export const operator = {
  en: {
    signInTitle: 'Sign in to {name}',
    signInLead:
      'This dashboard moves money and shows buyers’ names and addresses. Enter its admin key ({variable}).',
    keyLabel: 'Admin key',
    signIn: 'Sign in',
    signingIn: 'Signing in…',
    wrongKey: 'That key is not this dashboard’s.',
    signOut: 'Sign out',
    localDemo: 'Local demo: dashboards are open.',
    localDemoDetail:
      'Anyone who can reach this machine’s localhost can use them. Set AISLE_ORIGIN to a public address and each dashboard asks for its admin key.',
    notSignedIn: 'Sign in to this seller’s dashboard first.',
  },
  ja: {
    signInTitle: '{name} にサインイン',
    signInLead:
      'このダッシュボードはお金を動かし、購入者の氏名と住所を表示します。管理キー（{variable}）を入力してください。',
    keyLabel: '管理キー',
    signIn: 'サインイン',
    signingIn: 'サインイン中…',
    wrongKey: 'このダッシュボードのキーではありません。',
    signOut: 'サインアウト',
    localDemo: 'ローカルデモ：ダッシュボードは誰でも開けます。',
    localDemoDetail:
      'このマシンの localhost に届く人なら誰でも使えます。AISLE_ORIGIN を公開アドレスにすると、各ダッシュボードが管理キーを求めます。',
    notSignedIn: '先にこの販売者のダッシュボードにサインインしてください。',
  },
} satisfies Messages;
