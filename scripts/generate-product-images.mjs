#!/usr/bin/env node
/**
 * Draws one flat SVG per catalog product, plus a logo per seller, into public/products/<sellerId>/.
 * Run: node scripts/generate-product-images.mjs   (then commit the SVGs; the app never runs this).
 *
 * The catalogs in lib/seller/catalog/*.ts stay the single source: Node 20 cannot import TypeScript,
 * so this script transpiles them with the project's own `typescript` package into a temp folder.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function loadCatalogs() {
  const dir = path.join(root, 'lib/seller/catalog');
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'aisle-catalog-'));
  for (const file of fs.readdirSync(dir)) {
    if (!file.endsWith('.ts') || file.endsWith('.test.ts')) continue;
    const source = fs.readFileSync(path.join(dir, file), 'utf8');
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    });
    const js = outputText.replace(/from '\.\/([\w-]+)'/g, "from './$1.mjs'");
    fs.writeFileSync(path.join(out, file.replace(/\.ts$/, '.mjs')), js);
  }
  const { SELLER_CATALOGS } = await import(pathToFileURL(path.join(out, 'index.mjs')).href);
  fs.rmSync(out, { recursive: true, force: true });
  return SELLER_CATALOGS;
}

// ---------- colour ----------
const NAMED = {
  blue: '#3d6fd6',
  black: '#2d3036',
  orange: '#ef7b2d',
  green: '#3f8a5c',
  brown: '#8a5634',
  grey: '#8b929b',
  red: '#d8473f',
  navy: '#2e3f6e',
  yellow: '#f0c132',
  olive: '#6e7a3b',
  tan: '#c9a378',
  white: '#f2f1ed',
  pink: '#ec8fae',
  silver: '#bcc3ca',
  clear: '#cfe6ee',
  copper: '#c46b3a',
  purple: '#6c4f92',
  stainless: '#bcc3ca',
};
const hex = (h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
const toHex = (rgb) =>
  '#' +
  rgb
    .map((v) =>
      Math.round(Math.max(0, Math.min(255, v)))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('');
const mix = (a, b, t) => toHex(hex(a).map((v, i) => v + (hex(b)[i] - v) * t));
const hash = (s) => [...s].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0, 2166136261);

const DETAILS = ['#d8473f', '#f0c132', '#3f8a5c', '#3d6fd6', '#ef7b2d', '#6c4f92', '#1f8a8a'];

/** m main, d dark, l light, i ink, a seller accent, w off-white, x a detail colour that tells siblings apart. */
function palette(main, accent, seed) {
  const light = mix(main, '#ffffff', 0.35);
  const isPale = hex(main).reduce((a, b) => a + b) > 600;
  const details = DETAILS.filter((c) => c !== main);
  const x = details[hash(seed) % details.length];
  return {
    m: main,
    d: mix(main, '#000000', isPale ? 0.22 : 0.32),
    l: light,
    i: '#2a2b30',
    a: accent,
    w: '#fbfaf7',
    x,
  };
}

const FALLBACK_COLORS = {
  'summit-outfitters': ['#3f8a5c', '#ef7b2d', '#3d6fd6', '#c9a378', '#d8473f'],
  'volt-audio': ['#5b3fd6', '#2d3036', '#3d6fd6', '#e0457b', '#1f8a8a'],
  // Mostly coffee bags: a rotation keeps neighbouring beans from sharing a colour.
  'kissa-tokyo': [
    '#b88a5a',
    '#6f8f6a',
    '#c46b3a',
    '#3e5a7a',
    '#8e4f6e',
    '#c9a13a',
    '#2f7a74',
    '#8a3b3b',
    '#55585e',
    '#7a8a3a',
    '#5d8fb8',
    '#d07a8a',
  ],
};

/** The colour a product is drawn in: its first colour option, a colour attribute, or the seller's next pick. */
function mainColor(product, sellerId, fallbackIndex) {
  const named =
    product.variants[0].options.color ?? product.variants[0].options.material ?? product.attributes.color;
  if (named && NAMED[named.toLowerCase()]) return NAMED[named.toLowerCase()];
  const fallback = FALLBACK_COLORS[sellerId] ?? DETAILS;
  return fallback[fallbackIndex.next++ % fallback.length];
}

// ---------- drawing helpers (all shapes are drawn into an 800x800 box, floor near y=620) ----------
const P = (d, fill, extra = '') => `<path d="${d}" fill="${fill}"${extra}/>`;
const R = (x, y, w, h, rx, fill, extra = '') =>
  `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="${rx}" fill="${fill}"${extra}/>`;
const C = (cx, cy, r, fill, extra = '') => `<circle cx="${cx}" cy="${cy}" r="${r}" fill="${fill}"${extra}/>`;
const E = (cx, cy, rx, ry, fill, extra = '') =>
  `<ellipse cx="${cx}" cy="${cy}" rx="${rx}" ry="${ry}" fill="${fill}"${extra}/>`;
const L = (d, stroke, width, extra = '') =>
  `<path d="${d}" fill="none" stroke="${stroke}" stroke-width="${width}" stroke-linecap="round" stroke-linejoin="round"${extra}/>`;
const T = (x, y, size, fill, text, extra = '') =>
  `<text x="${x}" y="${y}" font-family="system-ui,sans-serif" font-size="${size}" font-weight="700" fill="${fill}" text-anchor="middle"${extra}>${text}</text>`;
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

const SHAPES = {
  shoe: (k, v) =>
    P(
      'M180 548Q168 450 205 398Q255 420 305 412L335 362Q352 340 374 352L520 440Q610 462 636 505Q648 548 615 548Z',
      k.m,
    ) +
    P('M305 412L335 362Q352 340 374 352L392 364L322 416Z', k.d) +
    P('M184 500Q174 440 205 398L222 408Q196 440 200 500Z', k.d) +
    P('M560 452Q616 466 636 505Q648 548 615 548L560 548Z', k.d) +
    L('M238 506Q380 470 530 506', v === 'hiker' ? k.d : k.x, 20) +
    L('M383 402L407 362M418 423L442 383M453 444L477 404', k.w, 9) +
    P('M166 540L644 540Q660 566 640 580L190 588Q164 582 166 540Z', k.w) +
    P('M176 584L640 578Q652 606 620 612L210 616Q178 612 176 584Z', k.i) +
    (v === 'hiker'
      ? L('M240 616L240 628M320 616L320 628M400 616L400 628M480 616L480 628M560 616L560 628', k.i, 14)
      : ''),
  boot: (k) =>
    P(
      'M230 548L232 282Q232 258 258 258L396 258Q420 258 420 284L420 402Q500 420 572 452Q628 476 628 548Z',
      k.m,
    ) +
    R(226, 238, 200, 44, 20, k.x) +
    P('M520 440Q604 458 626 520L628 548L520 548Z', k.d) +
    L('M330 300L420 300M330 340L420 340M330 380L420 380', k.x, 9) +
    C(330, 300, 9, k.i) +
    C(330, 340, 9, k.i) +
    C(330, 380, 9, k.i) +
    R(216, 540, 424, 34, 14, k.w) +
    P('M216 570L640 570Q646 612 610 616L244 616Q212 612 216 570Z', k.i) +
    L('M260 616L260 628M330 616L330 628M400 616L400 628M470 616L470 628M540 616L540 628', k.i, 14),
  tent: (k) =>
    P('M160 610L400 230L640 610Z', k.m) +
    P('M400 230L640 610L540 610Z', k.d) +
    P('M400 320Q350 470 330 610L470 610Q450 470 400 320Z', k.i, ' opacity=".85"') +
    P('M400 320Q420 470 470 610L430 610Q410 500 400 320Z', k.l) +
    L('M400 230L400 200M160 610L120 640M640 610L680 640', k.i, 6) +
    L('M230 500Q400 470 570 500', k.l, 8, ' opacity=".6"'),
  sleepingBag: (k) =>
    R(230, 300, 380, 260, 130, k.m) +
    L('M330 306L330 554M510 306L510 554', k.x, 26) +
    E(250, 430, 90, 128, k.d) +
    E(250, 430, 62, 96, k.l) +
    L('M250 380Q292 400 270 450Q230 480 214 430Q210 398 240 396', k.d, 10) +
    L('M380 330L470 330', k.l, 10, ' opacity=".7"'),
  pad: (k) =>
    P('M230 300L610 300L570 580L190 580Z', k.m) +
    L('M222 350L602 350M215 410L596 410M208 470L588 470M200 530L580 530', k.d, 8) +
    R(586, 312, 34, 22, 8, k.i) +
    P('M190 580L570 580L570 604L186 604Z', k.d),
  jacket: (k, v) =>
    P('M330 222Q400 140 470 222Z', k.d) +
    P(
      'M296 230L360 206Q400 236 440 206L504 230L600 300L644 560L584 572L552 380L552 620L248 620L248 380L216 572L156 560L200 300Z',
      k.m,
    ) +
    (v === 'puffer'
      ? L(
          'M254 300L546 300M250 360L550 360M250 420L550 420M250 480L550 480M250 540L550 540',
          k.d,
          6,
          ' opacity=".45"',
        )
      : '') +
    (v === 'fleece'
      ? L('M400 220L400 330', k.i, 8) + P('M356 210L400 240L444 210L444 232L400 262L356 232Z', k.d)
      : L('M400 232L400 620', k.i, 8)) +
    (v === 'fleece' ? '' : L('M290 470L340 470M460 470L510 470', k.d, 10)) +
    R(148, 548, 70, 30, 10, k.d, ' transform="rotate(-8 183 563)"') +
    R(582, 548, 70, 30, 10, k.d, ' transform="rotate(8 617 563)"'),
  backpack: (k) =>
    L('M340 220Q400 170 460 220', k.i, 14) +
    R(240, 220, 320, 400, 70, k.m) +
    P('M240 300Q240 220 310 220L490 220Q560 220 560 300Z', k.d) +
    R(300, 420, 200, 160, 40, k.d) +
    L('M320 440L480 440', k.x, 10) +
    R(380, 300, 40, 80, 10, k.i, ' opacity=".6"') +
    L('M244 380L226 520M556 380L574 520', k.i, 14),
  headlamp: (k) =>
    P('M400 560Q340 640 280 600', 'none', ` stroke="${k.i}" stroke-width="6"`) +
    E(400, 470, 220, 110, 'none', ` stroke="${k.i}" stroke-width="34"`) +
    E(400, 470, 220, 110, 'none', ` stroke="${k.d}" stroke-width="10" stroke-dasharray="26 18"`) +
    P('M430 390L700 260L700 520Z', '#fff3b0', ' opacity=".7"') +
    R(300, 370, 200, 150, 40, k.m) +
    R(316, 500, 168, 20, 8, k.d) +
    C(420, 440, 50, k.w) +
    C(420, 440, 32, '#ffd84d') +
    C(330, 400, 12, k.i),
  poles: (k) =>
    L('M300 250L440 620', '#3a3d44', 14) +
    L('M500 250L360 620', '#3a3d44', 14) +
    L('M336 345L358 402M464 345L442 402', k.m, 18) +
    R(274, 186, 50, 110, 22, '#c69a6a', ' transform="rotate(-20 299 241)"') +
    R(476, 186, 50, 110, 22, '#c69a6a', ' transform="rotate(20 501 241)"') +
    L('M296 180Q260 240 300 300M504 180Q540 240 500 300', k.m, 8) +
    E(425, 580, 34, 10, k.i) +
    E(375, 580, 34, 10, k.i),
  bottle: (k) =>
    R(300, 270, 200, 350, 60, k.m) +
    R(330, 210, 140, 70, 20, k.i) +
    L('M360 210Q400 150 440 210', k.i, 16) +
    R(330, 320, 26, 240, 13, k.w, ' opacity=".35"') +
    R(300, 540, 200, 20, 0, k.d, ' opacity=".4"'),
  filter: (k) =>
    R(330, 240, 140, 300, 40, k.m) +
    R(350, 200, 100, 50, 14, k.i) +
    R(350, 540, 100, 50, 14, k.i) +
    L('M360 300L360 480', k.w, 14, ' opacity=".5"') +
    P('M560 360Q600 420 600 450A40 40 0 0 1 520 450Q520 420 560 360Z', '#66b7e6') +
    P('M240 430Q270 480 270 500A30 30 0 0 1 210 500Q210 480 240 430Z', '#66b7e6'),
  stove: (k) =>
    R(290, 440, 220, 170, 50, k.m) +
    R(290, 560, 220, 26, 0, k.d) +
    T(400, 520, 30, k.w, 'GAS') +
    R(370, 380, 60, 64, 10, '#9aa1aa') +
    R(340, 360, 120, 26, 10, '#6f767f') +
    L('M320 366L270 330M480 366L530 330', '#6f767f', 14) +
    P('M400 250Q440 300 430 340Q420 360 400 360Q380 360 370 340Q360 300 400 250Z', '#ff9b2f') +
    P('M400 295Q420 320 412 342L388 342Q380 320 400 295Z', '#ffd84d') +
    L('M430 410L470 410', k.i, 14),
  pot: (k) =>
    R(240, 340, 320, 260, 36, k.m) +
    E(400, 340, 160, 34, k.l) +
    E(400, 330, 150, 28, k.m) +
    R(380, 296, 40, 24, 8, k.i) +
    L('M240 390L170 380M560 390L630 380', k.i, 16) +
    R(270, 380, 22, 180, 11, k.w, ' opacity=".4"') +
    L('M240 560L560 560', k.d, 10),
  sock: (k) =>
    P(
      'M320 190L470 190L470 440Q470 478 506 500L604 556Q650 586 620 630Q596 664 540 642L350 560Q320 544 320 500Z',
      k.m,
    ) +
    R(312, 180, 166, 60, 14, k.d) +
    L('M336 214L454 214', k.l, 6) +
    P('M560 520L604 556Q650 586 620 630Q596 664 540 642L520 634Q580 610 560 520Z', k.d) +
    P('M320 470Q330 530 380 560L350 560Q320 544 320 500Z', k.d),
  gaiter: (k) =>
    P('M300 220L500 220L540 520L260 520Z', k.m) +
    R(292, 208, 216, 36, 14, k.d) +
    P('M260 500L540 500Q600 540 620 590L190 590Q210 530 260 500Z', k.i) +
    L('M540 520Q560 560 500 600', k.d, 10) +
    C(610, 560, 14, '#9aa1aa') +
    L('M400 250L400 480', k.d, 6, ' stroke-dasharray="16 12"'),
  chair: (k) =>
    L('M260 620L540 380M540 620L260 380M250 380L250 260M550 380L550 260', k.i, 14) +
    P('M270 250L530 250L520 460Q400 500 280 460Z', k.m) +
    P('M280 400Q400 440 520 400L520 460Q400 500 280 460Z', k.d) +
    L('M210 380L300 380M500 380L590 380', k.i, 22),
  firstAid: (k) =>
    L('M330 270Q400 200 470 270', k.i, 16) +
    R(220, 270, 360, 320, 56, k.m) +
    R(220, 300, 360, 20, 0, k.d) +
    R(370, 370, 60, 170, 12, k.w) +
    R(315, 425, 170, 60, 12, k.w) +
    R(520, 300, 14, 40, 6, k.i),
  hammock: (k) =>
    R(150, 220, 46, 400, 16, '#8a5634') +
    R(604, 220, 46, 400, 16, '#8a5634') +
    C(173, 210, 70, '#5f9a62') +
    C(627, 210, 70, '#5f9a62') +
    L('M196 330L290 380M604 330L510 380', k.i, 6) +
    P('M280 370Q400 560 520 370Q400 470 280 370Z', k.m) +
    P('M280 370Q400 470 520 370Q400 430 280 370Z', k.d),
  giftCard: (k) =>
    `<g transform="rotate(-8 400 420)">${R(190, 290, 420, 260, 28, k.a)}${R(190, 290, 420, 260, 28, '#ffffff', ' opacity=".12"')}` +
    R(450, 290, 34, 260, 0, '#fff', ' opacity=".85"') +
    R(190, 400, 420, 34, 0, '#fff', ' opacity=".85"') +
    P('M467 417Q420 340 380 360Q360 390 467 417Q520 340 560 360Q580 390 467 417Z', '#fff') +
    T(300, 510, 34, '#fff', 'GIFT', ' letter-spacing="4"') +
    '</g>',
  headphones: (k, v) => {
    const band =
      L('M250 430Q250 230 400 230Q550 230 550 430', v === 'kids' ? k.x : k.d, v === 'kids' ? 46 : 34) +
      L('M270 420Q270 250 400 250Q530 250 530 420', k.m, 14);
    if (v === 'on-ear' || v === 'kids')
      return (
        band +
        C(262, 480, 72, k.m) +
        C(538, 480, 72, k.m) +
        C(262, 480, 40, k.d) +
        C(538, 480, 40, k.d) +
        (v === 'kids' ? C(262, 480, 16, k.x) + C(538, 480, 16, k.x) : '')
      );
    const cups =
      R(214, 400, 96, 180, 44, k.m) +
      R(490, 400, 96, 180, 44, k.m) +
      R(288, 420, 34, 140, 16, k.i) +
      R(478, 420, 34, 140, 16, k.i);
    if (v === 'open')
      return (
        band +
        cups +
        [0, 1, 2, 3]
          .map((i) =>
            L(`M234 ${440 + i * 34}L290 ${440 + i * 34}M510 ${440 + i * 34}L566 ${440 + i * 34}`, k.d, 8),
          )
          .join('')
      );
    const cable =
      v === 'studio'
        ? L(
            'M262 580Q262 620 300 620Q330 620 330 600Q330 580 350 600Q370 620 390 600Q410 580 430 600Q460 630 520 620',
            k.i,
            8,
          )
        : '';
    return band + cups + cable + R(232, 430, 20, 110, 10, k.l, ' opacity=".6"') + C(538, 540, 8, k.x);
  },
  iems: (k) =>
    L('M300 380Q300 480 400 520L400 640M500 380Q500 480 400 520', k.i, 8) +
    P('M240 300Q300 240 360 300Q380 360 320 400Q250 410 240 300Z', k.m) +
    P('M560 300Q500 240 440 300Q420 360 480 400Q550 410 560 300Z', k.m) +
    C(300, 320, 20, k.x) +
    C(500, 320, 20, k.x) +
    C(400, 520, 14, k.d),
  earbuds: (k, v) =>
    (v === 'sport'
      ? L('M290 350Q220 250 310 220Q380 210 380 280M510 350Q580 250 490 220Q420 210 420 280', k.x, 16)
      : '') +
    R(260, 420, 280, 180, 70, k.d) +
    R(270, 430, 260, 90, 44, k.m) +
    L('M276 520L524 520', k.i, 4) +
    C(400, 570, 8, '#6ee28a') +
    `<g transform="rotate(-18 330 330)">${C(330, 320, 60, k.m)}${R(300, 340, 44, 130, 22, k.m)}${C(330, 320, 26, k.d)}</g>` +
    `<g transform="rotate(18 470 330)">${C(470, 320, 60, k.m)}${R(456, 340, 44, 130, 22, k.m)}${C(470, 320, 26, k.d)}</g>`,
  speaker: (k) =>
    R(260, 200, 280, 420, 30, k.m) +
    R(260, 580, 280, 40, 0, k.d, ' opacity=".4"') +
    C(400, 300, 50, k.i) +
    C(400, 300, 20, k.d) +
    C(400, 460, 110, k.i) +
    C(400, 460, 80, '#3d4048') +
    C(400, 460, 30, k.i),
  speakers: (k) =>
    R(150, 250, 220, 350, 24, k.m) +
    R(430, 250, 220, 350, 24, k.m) +
    [260, 540]
      .map((x) => C(x, 330, 36, k.i) + C(x, 480, 80, k.i) + C(x, 480, 56, '#3d4048') + C(x, 480, 20, k.i))
      .join(''),
  portableSpeaker: (k) =>
    R(190, 330, 420, 220, 110, k.m) +
    R(250, 360, 300, 160, 60, k.d) +
    [290, 340, 390, 440, 490]
      .map((x) => [390, 440, 490].map((y) => C(x + 10, y, 9, k.m, ' opacity=".7"')).join(''))
      .join('') +
    L('M610 440Q660 440 660 390', k.i, 14) +
    R(360, 320, 80, 14, 7, k.i),
  smartSpeaker: (k) =>
    R(290, 220, 220, 390, 90, k.m) +
    E(400, 250, 90, 24, k.d) +
    E(400, 250, 60, 12, '#7fd6ff') +
    [0, 1, 2, 3, 4, 5]
      .map((r) => L(`M310 ${330 + r * 44}L490 ${330 + r * 44}`, k.d, 4, ' opacity=".5"'))
      .join(''),
  soundbar: (k) =>
    R(190, 190, 420, 250, 14, k.i) +
    R(206, 206, 388, 218, 6, '#4a5a8a') +
    L('M206 380L330 300L420 360L594 250', '#7f96d6', 10, ' opacity=".6"') +
    R(140, 500, 520, 90, 45, k.m) +
    [0, 1, 2, 3, 4, 5, 6, 7, 8].map((i) => C(220 + i * 45, 545, 10, k.d)).join(''),
  turntable: (k, v) =>
    R(160, 290, 480, 300, 26, k.m) +
    R(160, 560, 480, 30, 0, k.d, ' opacity=".5"') +
    C(360, 430, 128, '#1f2024') +
    C(360, 430, 100, 'none', ' stroke="#34363c" stroke-width="6"') +
    C(360, 430, 40, k.a) +
    C(360, 430, 6, k.w) +
    C(560, 340, 22, '#9aa1aa') +
    L('M560 340L580 480L470 540', '#c5cbd2', 10) +
    R(452, 528, 32, 20, 4, k.i) +
    C(200, 550, 12, k.d) +
    (v === 'dd'
      ? R(596, 420, 16, 110, 6, k.i) + R(590, 460, 28, 14, 4, k.x) + C(240, 550, 12, k.x)
      : C(240, 550, 12, k.d)),
  record: (k) =>
    C(380, 400, 190, '#1f2024') +
    C(380, 400, 150, 'none', ' stroke="#34363c" stroke-width="6"') +
    C(380, 400, 110, 'none', ' stroke="#34363c" stroke-width="6"') +
    C(380, 400, 60, k.a) +
    C(380, 400, 8, k.w) +
    R(440, 520, 200, 60, 24, k.m) +
    R(450, 570, 180, 24, 8, k.d),
  dac: (k, v) =>
    L('M180 500Q140 600 260 620L620 620', k.i, 12) +
    R(220, 340, 360, 180, 24, k.m) +
    R(220, 500, 360, 20, 0, k.d, ' opacity=".5"') +
    C(490, 430, 50, k.d) +
    C(490, 430, 36, k.l) +
    L('M490 396L490 420', k.i, 8) +
    R(260, 380, 120, 40, 8, '#1c2a33') +
    (v === 'preamp'
      ? C(280, 470, 13, '#d8473f') +
        C(315, 470, 13, '#f2f1ed') +
        C(350, 470, 13, '#d8473f') +
        C(385, 470, 13, '#f2f1ed')
      : C(290, 470, 14, k.i) + C(340, 470, 14, k.i) + C(390, 470, 8, k.x)),
  cable: (k) =>
    L('M250 520Q170 400 300 320Q460 230 520 360Q560 460 420 470Q300 470 330 380Q380 300 470 330', k.m, 22) +
    L('M250 520L290 600', k.m, 22) +
    R(268, 590, 50, 80, 12, '#9aa1aa', ' transform="rotate(-25 293 630)"') +
    R(470, 300, 90, 56, 14, '#9aa1aa', ' transform="rotate(15 515 328)"') +
    R(540, 314, 60, 24, 6, k.i, ' transform="rotate(15 570 326)"'),
  charger: (k) =>
    R(280, 280, 240, 300, 44, k.m) +
    R(280, 280, 240, 40, 20, k.d, ' opacity=".4"') +
    R(340, 230, 24, 60, 8, '#9aa1aa') +
    R(436, 230, 24, 60, 8, '#9aa1aa') +
    R(360, 380, 80, 28, 14, k.i) +
    R(360, 440, 80, 28, 14, k.i) +
    P('M410 500L380 540L404 540L394 570L426 526L402 526Z', '#f0c132'),
  wirelessPad: (k) =>
    E(400, 520, 210, 70, k.d) +
    E(400, 500, 210, 70, k.m) +
    E(400, 500, 120, 38, k.l, ' opacity=".5"') +
    R(320, 250, 160, 250, 26, k.i, ' transform="rotate(-10 400 375)"') +
    R(334, 266, 132, 218, 16, '#4a5a8a', ' transform="rotate(-10 400 375)"') +
    P('M410 320L370 390L405 390L390 440L440 365L405 365Z', '#f0c132'),
  powerBank: (k) =>
    R(250, 240, 300, 380, 40, k.m) +
    R(250, 580, 300, 40, 20, k.d, ' opacity=".4"') +
    [0, 1, 2, 3].map((i) => C(340 + i * 40, 540, 10, i < 3 ? '#6ee28a' : k.d)).join('') +
    R(370, 226, 60, 14, 7, k.i) +
    P('M410 330L360 410L400 410L385 480L445 390L405 390Z', k.w),
  mic: (k) =>
    R(320, 170, 160, 230, 80, k.m) +
    L('M330 240L470 240M330 280L470 280M330 320L470 320', k.d, 5) +
    R(316, 360, 168, 34, 12, k.d) +
    L('M290 300L290 380Q290 440 400 440Q510 440 510 380L510 300', k.i, 16) +
    L('M400 440L400 580', k.i, 18) +
    E(400, 600, 130, 26, k.i),
  dynamicMic: (k) =>
    L('M560 620L560 400L640 250L440 260', k.i, 16) +
    E(560, 620, 90, 20, k.i) +
    `<g transform="rotate(-20 360 330)">${R(230, 260, 300, 130, 60, k.m)}${R(230, 260, 120, 130, 60, k.d)}${L('M260 290L260 360M290 280L290 370M320 280L320 370', k.i, 6)}${R(470, 300, 80, 50, 10, k.x)}</g>`,
  lavalier: (k) =>
    R(410, 300, 180, 250, 30, k.m) +
    R(440, 330, 120, 60, 10, '#1c2a33') +
    C(500, 460, 22, k.x) +
    R(420, 550, 160, 14, 6, k.d) +
    L('M410 460Q300 480 300 380Q300 300 240 280', k.i, 6) +
    R(210, 220, 50, 70, 25, k.i) +
    R(200, 280, 70, 24, 8, k.d),
  dongle: (k) =>
    L('M230 300Q300 460 400 420Q500 380 560 520', k.i, 14) +
    R(180, 250, 90, 50, 14, '#9aa1aa', ' transform="rotate(-30 225 275)"') +
    R(520, 500, 90, 150, 30, k.m) +
    C(565, 610, 14, k.i) +
    L('M540 530L590 530', k.x, 6),
  stand: (k) =>
    E(400, 610, 140, 24, '#6b4226') +
    R(380, 300, 40, 310, 10, '#8a5634') +
    R(300, 270, 200, 40, 20, '#8a5634') +
    L('M270 470Q270 250 400 250Q530 250 530 470', k.m, 26) +
    R(232, 440, 76, 140, 34, k.m) +
    R(492, 440, 76, 140, 34, k.m),
  earTips: (k) =>
    [
      [260, 470, 70],
      [410, 460, 85],
      [570, 470, 60],
    ]
      .map(
        ([x, y, r]) =>
          P(`M${x - r} ${y}A${r} ${r} 0 0 1 ${x + r} ${y}Z`, k.m) +
          R(x - r * 0.3, y, r * 0.6, r * 0.8, 8, k.d) +
          E(x, y, r, r * 0.2, k.d),
      )
      .join(''),
  course: (k) =>
    R(200, 230, 400, 270, 20, k.i) +
    R(220, 250, 360, 230, 8, k.a) +
    P('M180 510L620 510L660 560L140 560Z', '#9aa1aa') +
    C(400, 365, 56, '#fff', ' opacity=".9"') +
    P('M385 335L430 365L385 395Z', k.a) +
    L('M240 450L270 430L300 460L330 420L360 450', '#fff', 6),
  software: (k) =>
    R(190, 220, 420, 360, 24, k.w) +
    R(190, 220, 420, 54, 24, k.i) +
    C(224, 247, 9, '#ef7b2d') +
    C(252, 247, 9, '#f0c132') +
    [0, 1, 2, 3, 4, 5]
      .map(
        (i) =>
          L(`M${250 + i * 60} 320L${250 + i * 60} 540`, '#d5d8dd', 8) +
          C(250 + i * 60, [450, 380, 420, 350, 470, 400][i], 18, k.a),
      )
      .join(''),
  coffeeBag: (k, v, p) =>
    P('M250 250L550 250L580 610L220 610Z', k.m) +
    R(244, 220, 312, 44, 8, k.d) +
    R(236, 232, 328, 12, 6, '#c0c6cc') +
    R(290, 330, 220, 200, 14, k.w) +
    T(400, 400, 28, k.i, esc(v.label), ' letter-spacing="2"') +
    [0, 1, 2, 3, 4].map((i) => E(340 + i * 30, 470, 11, 15, i < v.roast ? '#5a3320' : '#e4d9cc')).join('') +
    C(400, 580, 10, k.d),
  dripBags: (k) =>
    [
      [-12, 300, 'd'],
      [0, 400, 'm'],
      [12, 500, 'l'],
    ]
      .map(
        ([rot, x, c]) =>
          `<g transform="rotate(${rot} ${x} 420)">${R(x - 80, 300, 160, 220, 10, k[c])}${R(x - 50, 350, 100, 60, 6, k.w)}${L(`M${x - 80} 320L${x + 80} 320`, k.i, 3, ' stroke-dasharray="8 8"')}</g>`,
      )
      .join(''),
  kettle: (k, v) =>
    (v === 'electric' ? E(400, 600, 170, 26, k.i) + R(250, 570, 300, 30, 12, k.i) : '') +
    P('M270 560Q250 400 320 340L480 340Q550 400 530 560Z', k.m) +
    E(400, 340, 80, 18, k.d) +
    R(385, 300, 30, 30, 10, k.i) +
    L('M275 520Q190 520 190 400Q190 320 170 280', k.m, 20) +
    L('M528 380Q610 360 600 460Q590 520 530 520', k.i, 18) +
    R(300, 400, 20, 120, 10, k.w, ' opacity=".35"'),
  dripper: (k) =>
    P('M320 560L480 560L500 610L300 610Z', '#cfe6ee', ' opacity=".8"') +
    P('M330 580L470 580L482 606L318 606Z', '#5a3320') +
    R(280, 430, 240, 22, 10, k.d) +
    P('M250 260L550 260L440 440L360 440Z', k.m) +
    P('M250 260L550 260L540 280L260 280Z', k.d) +
    L('M320 290L380 430M400 290L400 430M480 290L420 430', k.d, 6, ' opacity=".5"') +
    L('M545 300Q600 320 560 380', k.m, 16) +
    R(330, 452, 140, 110, 16, '#cfe6ee', ' opacity=".6"'),
  filters: (k) =>
    [
      [-16, 0],
      [0, 40],
      [16, 80],
    ]
      .map(
        ([rot, dx]) =>
          `<g transform="rotate(${rot} 400 600)">${P(`M${260 + dx} 260L${460 + dx} 260L${400 + dx} 560L${320 + dx} 560Z`, dx === 40 ? k.l : k.m)}${L(`M${320 + dx} 560L${400 + dx} 560`, k.d, 10)}</g>`,
      )
      .join(''),
  grinder: (k) =>
    R(310, 300, 180, 300, 30, k.m) +
    R(300, 560, 200, 50, 14, k.d) +
    R(330, 320, 30, 220, 15, k.w, ' opacity=".35"') +
    R(300, 270, 200, 36, 10, k.d) +
    L('M400 270L400 230L560 200', k.i, 14) +
    R(540, 150, 40, 70, 18, '#8a5634'),
  electricGrinder: (k) =>
    P('M320 190L480 190L450 300L350 300Z', '#cfe6ee', ' opacity=".85"') +
    P('M340 230L460 230L445 290L355 290Z', '#5a3320') +
    R(280, 300, 240, 310, 30, k.m) +
    C(400, 400, 40, k.d) +
    C(400, 400, 26, k.l) +
    R(330, 490, 140, 90, 10, k.i, ' opacity=".85"'),
  scale: (k) =>
    R(180, 460, 440, 120, 26, k.m) +
    R(180, 560, 440, 20, 8, k.d) +
    R(250, 500, 120, 44, 8, '#1c2a33') +
    T(310, 532, 26, '#7fd6ff', '0.0g') +
    C(460, 520, 14, k.l) +
    C(510, 520, 14, k.l) +
    P('M420 300L560 300L540 460L440 460Z', '#f2f1ed') +
    L('M560 340Q610 350 596 400Q584 430 548 430', '#f2f1ed', 14),
  coldBrew: (k) =>
    R(310, 260, 180, 350, 40, '#cfe6ee', ' opacity=".85"') +
    R(322, 360, 156, 238, 30, '#5a3320') +
    R(370, 300, 60, 250, 12, k.w, ' opacity=".5"') +
    R(300, 210, 200, 60, 16, k.m) +
    R(330, 290, 20, 200, 10, '#fff', ' opacity=".4"'),
  mug: (k) =>
    L('M530 360Q630 360 630 450Q630 540 520 540', k.m, 34) +
    R(250, 290, 290, 320, 50, k.m) +
    E(395, 298, 145, 26, k.d) +
    E(395, 298, 120, 18, '#5a3320') +
    P('M250 340Q300 380 340 350Q400 390 450 350Q500 380 540 340L540 300L250 300Z', k.l, ' opacity=".5"'),
  cup: (k) =>
    E(400, 580, 220, 46, k.d) +
    E(400, 570, 210, 40, k.m) +
    L('M520 420Q600 420 590 480Q580 530 500 520', k.m, 26) +
    P('M250 380L550 380Q550 560 400 570Q250 560 250 380Z', k.m) +
    E(400, 380, 150, 30, k.d) +
    E(400, 382, 130, 22, '#5a3320') +
    L('M280 420Q300 500 340 530', k.w, 10, ' opacity=".4"'),
  yunomi: (k) =>
    P('M290 260L510 260L490 600Q400 620 310 600Z', k.m) +
    E(400, 260, 110, 22, k.d) +
    E(400, 262, 96, 16, '#9cbf6a') +
    L('M300 330Q400 350 505 330M304 420Q400 440 500 420M308 510Q400 530 495 510', k.d, 6, ' opacity=".4"'),
  kyusu: (k) =>
    P('M250 380Q160 330 150 260L190 250Q220 340 290 380Z', k.m) +
    E(400, 460, 170, 150, k.m) +
    E(400, 330, 110, 26, k.d) +
    C(400, 300, 22, k.d) +
    L('M540 420L650 340', k.d, 40) +
    P('M260 520Q400 580 540 520', 'none', ` stroke="${k.d}" stroke-width="6" opacity=".4"`),
  tetsubin: (k) =>
    L('M260 380Q260 200 400 200Q540 200 540 380', k.i, 20) +
    P('M250 430Q220 380 150 330L170 310Q250 350 290 400Z', k.m) +
    E(400, 470, 190, 150, k.m) +
    E(400, 340, 90, 22, k.d) +
    C(400, 316, 18, k.d) +
    [0, 1, 2]
      .map((row) =>
        [0, 1, 2, 3, 4, 5, 6]
          .map((i) => C(290 + i * 37 + (row % 2) * 18, 410 + row * 45, 9, k.l, ' opacity=".5"'))
          .join(''),
      )
      .join(''),
  matchaBowl: (k, v) =>
    P('M220 400L580 400Q580 600 400 610Q220 600 220 400Z', k.m) +
    E(400, 400, 180, 40, k.d) +
    E(400, 404, 160, 30, '#7db04a') +
    E(380, 400, 80, 12, '#a9d06c') +
    L('M250 440Q280 540 340 580', k.w, 10, ' opacity=".3"') +
    (v === 'set'
      ? R(560, 470, 50, 90, 10, '#d8c08e') +
        P('M550 560L620 560L640 620L530 620Z', '#e9dcb8') +
        L('M520 360L700 330', '#c9a36a', 10)
      : ''),
  whisk: (k) =>
    R(360, 180, 80, 200, 14, '#d8c08e') +
    R(360, 360, 80, 30, 6, '#b9995e') +
    [-130, -100, -70, -40, -10, 20, 50, 80, 110, 130]
      .map((dx) => L(`M${400 + dx * 0.25} 390Q${400 + dx * 0.8} 500 ${400 + dx} 600`, '#e9dcb8', 8))
      .join('') +
    E(400, 560, 60, 40, '#e9dcb8', ' opacity=".8"'),
  teaTin: (k, v) =>
    R(290, 240, 220, 370, 24, v.tin) +
    R(282, 220, 236, 70, 16, mix(v.tin, '#000000', 0.3)) +
    R(290, 360, 220, 140, 0, k.w) +
    P('M400 390Q450 410 440 470Q390 470 370 430Q360 400 400 390Z', '#6f9a3c') +
    L('M372 470L440 398', '#4c7428', 4) +
    T(400, 560, 30, k.w, esc(v.label)),
  teaCaddy: (k) =>
    R(290, 250, 220, 360, 16, k.m) +
    R(290, 320, 220, 8, 0, k.d) +
    E(400, 250, 110, 22, k.l) +
    R(320, 270, 24, 320, 12, '#fff', ' opacity=".3"') +
    R(450, 270, 14, 320, 7, k.d, ' opacity=".3"'),
};

/** Which drawing a product gets, and any variation (label text, roast level, puffer baffles). */
function artFor(product) {
  const c = product.category;
  const id = product.id;
  const variation = {
    'hiking boots': ['boot'],
    'trail running shoes': ['shoe'],
    tents: ['tent'],
    'sleeping bags': ['sleepingBag'],
    'sleeping pads': ['pad'],
    'rain jackets': ['jacket', 'shell'],
    'insulated jackets': ['jacket', 'puffer'],
    fleece: ['jacket', 'fleece'],
    backpacks: ['backpack'],
    headlamps: ['headlamp'],
    'trekking poles': ['poles'],
    'water bottles': ['bottle'],
    'water filters': ['filter'],
    stoves: ['stove'],
    cookware: ['pot'],
    socks: ['sock'],
    gaiters: ['gaiter'],
    'camp furniture': ['chair'],
    'first aid': ['firstAid'],
    hammocks: ['hammock'],
    'gift cards': ['giftCard'],
    headphones: ['headphones'],
    earbuds: ['earbuds'],
    soundbars: ['soundbar'],
    subwoofers: ['speaker'],
    turntables: ['turntable'],
    preamps: ['dac'],
    dacs: ['dac'],
    'vinyl accessories': ['record'],
    cables: ['cable'],
    'power banks': ['powerBank'],
    microphones: ['mic'],
    'headphone stands': ['stand'],
    'ear tips': ['earTips'],
    courses: ['course'],
    software: ['software'],
    'drip bags': ['dripBags'],
    'pour-over drippers': ['dripper'],
    'coffee filters': ['filters'],
    'coffee scales': ['scale'],
    'cold brew makers': ['coldBrew'],
    mugs: ['mug'],
    'matcha bowls': ['matchaBowl'],
    'matcha sets': ['matchaBowl', 'set'],
    'matcha whisks': ['whisk'],
    'tea caddies': ['teaCaddy'],
  }[c];
  if (c === 'speakers')
    return {
      shape: id.includes('bookshelf')
        ? 'speakers'
        : id.includes('smart')
          ? 'smartSpeaker'
          : 'portableSpeaker',
    };
  if (c === 'chargers') return { shape: id.includes('wireless') ? 'wirelessPad' : 'charger' };
  if (c === 'drip kettles')
    return { shape: 'kettle', variation: id.includes('electric') ? 'electric' : undefined };
  if (c === 'coffee grinders') return { shape: id.includes('electric') ? 'electricGrinder' : 'grinder' };
  if (c === 'cups') return { shape: id.includes('yunomi') ? 'yunomi' : 'cup' };
  if (c === 'teapots') return { shape: id.includes('tetsubin') ? 'tetsubin' : 'kyusu' };
  if (c === 'coffee beans') {
    const roast =
      { light: 1, 'medium-light': 2, medium: 3, 'medium-dark': 4, dark: 5 }[
        (product.attributes.roast ?? '').toLowerCase()
      ] ?? 3;
    return { shape: 'coffeeBag', variation: { label: product.title.split(' ')[0].toUpperCase(), roast } };
  }
  if (['matcha', 'green tea', 'roasted tea'].includes(c)) {
    const tin = {
      matcha: '#3f7a4a',
      'green tea': id.includes('gyokuro') ? '#2e3f6e' : '#5c8a3a',
      'roasted tea': '#8a5634',
    }[c];
    return { shape: 'teaTin', variation: { label: product.title.split(' ').at(-1).toUpperCase(), tin } };
  }
  const byId = [
    ['ridgeback', 'shoe', 'hiker'],
    ['swift-on-ear', 'headphones', 'on-ear'],
    ['openair', 'headphones', 'open'],
    ['kids', 'headphones', 'kids'],
    ['studio-m50', 'headphones', 'studio'],
    ['reference-iem', 'iems'],
    ['sprint-sport', 'earbuds', 'sport'],
    ['broadcast', 'dynamicMic'],
    ['clip-wireless-lav', 'lavalier'],
    ['dongle-dac', 'dongle'],
    ['phono-preamp', 'dac', 'preamp'],
    ['reference-dd', 'turntable', 'dd'],
  ].find(([key]) => id.includes(key));
  if (byId) return { shape: byId[1], variation: byId[2] };
  if (!variation) throw new Error(`No drawing for category "${c}" (${id}); add one to artFor.`);
  return { shape: variation[0], variation: variation[1] };
}

function frame(seed, accent, body, brand) {
  const h = hash(seed);
  const tint = ['#ffffff', '#fff6e8', '#eef6ff', '#f3fff0', '#fff0f4'][h % 5];
  const top = mix(accent, tint, 0.9);
  const bottom = mix(accent, tint, 0.74);
  const x2 = h % 2 ? 1 : 0.4;
  const bx = 380 + (h % 80);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800 800" width="800" height="800">` +
    `<defs><linearGradient id="g" x1="0" y1="0" x2="${x2}" y2="1"><stop offset="0" stop-color="${top}"/><stop offset="1" stop-color="${bottom}"/></linearGradient></defs>` +
    `<rect width="800" height="800" fill="url(#g)"/>${C(bx, 400, 290, '#ffffff', ' opacity=".45"')}${E(400, 640, 250, 24, '#000', ' opacity=".08"')}` +
    body +
    (brand
      ? `<text x="48" y="756" font-family="system-ui,sans-serif" font-size="26" font-weight="600" letter-spacing="3" fill="${mix(accent, '#000000', 0.35)}" opacity=".75">${esc(brand.toUpperCase())}</text>`
      : '') +
    `</svg>\n`
  );
}

function productSvg(product, seller, fallbackIndex) {
  const { shape, variation } = artFor(product);
  const k = palette(mainColor(product, seller.id, fallbackIndex), seller.accentColor, product.id);
  const drawn = SHAPES[shape](k, variation, product);
  // A few drawings are shorter than the rest; lower them so every product stands on the floor shadow.
  const drop =
    {
      sleepingBag: 40,
      portableSpeaker: 50,
      course: 40,
      turntable: 20,
      kettle: variation === 'electric' ? 0 : 46,
    }[shape] ?? 0;
  const art = drop ? `<g transform="translate(0 ${drop})">${drawn}</g>` : drawn;
  return frame(`${seller.id}/${product.id}`, seller.accentColor, art, product.brand);
}

const LOGOS = {
  'summit-outfitters': (a) =>
    P('M140 600L330 260L420 420L480 330L660 600Z', '#fff') +
    P('M330 260L380 350L350 330L310 360L290 330Z', a),
  'volt-audio': () => P('M440 140L230 450L380 450L340 660L570 330L420 330Z', '#fff'),
  'kissa-tokyo': (a) =>
    L('M340 260Q300 210 340 170M420 260Q380 210 420 170', '#fff', 18) +
    P('M210 320L530 320Q530 560 370 580Q210 560 210 320Z', '#fff') +
    L('M520 370Q610 370 600 440Q590 500 510 490', '#fff', 30) +
    E(370, 620, 210, 22, '#fff') +
    E(370, 322, 150, 20, a),
};

function logoSvg(seller) {
  const body = LOGOS[seller.id]?.(seller.accentColor) ?? T(400, 470, 220, '#fff', esc(seller.name[0]));
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800 800" width="800" height="800">${R(0, 0, 800, 800, 180, seller.accentColor)}${body}</svg>\n`;
}

const catalogs = await loadCatalogs();
let written = 0;
for (const { seller, products } of catalogs) {
  const dir = path.join(root, 'public/products', seller.id);
  fs.mkdirSync(dir, { recursive: true });
  const fallbackIndex = { next: 0 };
  const keep = new Set(['logo.svg', ...products.map((product) => `${product.id}.svg`)]);
  for (const stale of fs.readdirSync(dir).filter((file) => file.endsWith('.svg') && !keep.has(file)))
    fs.rmSync(path.join(dir, stale));
  fs.writeFileSync(path.join(dir, 'logo.svg'), logoSvg(seller));
  for (const product of products) {
    const svg = productSvg(product, seller, fallbackIndex);
    if (svg.length > 5120) console.warn(`${seller.id}/${product.id}.svg is ${svg.length} bytes`);
    fs.writeFileSync(path.join(root, 'public', product.image), svg);
    written += 1;
  }
}
console.log(`Wrote ${written} product images and ${catalogs.length} logos to public/products/`);
