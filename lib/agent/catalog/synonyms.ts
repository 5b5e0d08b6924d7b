/**
 * Words a shopper uses for a product that the seller's text may not contain, as extra English
 * stems a query term may also match. Japanese entries reach sellers whose feeds are English only
 * (「ヘッドホン」 finds Volt Audio's headphones); English ones cover common alternative names.
 */
export const SYNONYMS: Record<string, string[]> = {
  // Japanese → English
  ヘッドホン: ['headphone'],
  ヘッドフォン: ['headphone'],
  イヤホン: ['earbud'],
  イヤフォン: ['earbud'],
  スピーカー: ['speaker'],
  マイク: ['microphone'],
  ケーブル: ['cable'],
  充電器: ['charger'],
  モバイルバッテリー: ['power', 'bank'],
  レコードプレーヤー: ['turntable'],
  ターンテーブル: ['turntable'],
  テント: ['tent'],
  寝袋: ['sleeping', 'bag'],
  シュラフ: ['sleeping', 'bag'],
  登山靴: ['hiking', 'boot'],
  ブーツ: ['boot'],
  靴: ['shoe'],
  シューズ: ['shoe'],
  ジャケット: ['jacket'],
  レインジャケット: ['rain', 'jacket'],
  リュック: ['backpack'],
  ザック: ['backpack'],
  バックパック: ['backpack'],
  ヘッドランプ: ['headlamp'],
  靴下: ['sock'],
  ソックス: ['sock'],
  ストーブ: ['stove'],
  ハンモック: ['hammock'],
  水筒: ['bottle'],
  ギフトカード: ['gift', 'card'],
  // English alternatives
  earphone: ['earbud'],
  headset: ['headphone'],
  sneaker: ['shoe'],
  trainer: ['shoe'],
  raincoat: ['rain', 'jacket'],
  rucksack: ['backpack'],
  daypack: ['backpack'],
  flashlight: ['headlamp'],
  teapot: ['kyusu'],
  mic: ['microphone'],
};
