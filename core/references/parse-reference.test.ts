import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseReference } from './parse-reference.ts';
import { LOW_CONFIDENCE } from './types.ts';

const year = (r: ReturnType<typeof parseReference>) => (r.item.issued as { 'date-parts': number[][] } | undefined)?.['date-parts'][0];

test('English journal, the [J] pattern: full-width comma, "Issue3" without a space, pp.', () => {
  const r = parseReference("Utku Yapici. From positive neutrality to silk road activism? The continuities and changes in Turkmenistan's foreign policy[J]. Journal of Balkan and Near Eastern Studies，Issue3,2018,pp.4-6.");
  assert.deepEqual(r.item.author, [{ family: 'Yapici', given: 'Utku' }]);
  assert.equal(r.item.title, "From positive neutrality to silk road activism? The continuities and changes in Turkmenistan's foreign policy");
  assert.equal(r.item['container-title'], 'Journal of Balkan and Near Eastern Studies');
  assert.equal(r.item.type, 'article-journal');
  assert.equal(r.confidence.type, 0.95, 'the [J] marker names the type');
  assert.deepEqual(year(r), [2018]);
  assert.equal(r.item.issue, '3');
  assert.equal(r.item.page, '4–6');
  assert.equal(r.raw.endsWith('pp.4-6.'), true, 'the raw text is kept as found');
});

test('English journal in APA and Chicago shapes: inverted names, (year), volume(issue), pages, DOI', () => {
  const apa = parseReference('Anceschi, L., & Cooley, A. (2010). Integrating domestic politics and foreign policy making. Central Asian Survey, 29(2), 151–167. https://doi.org/10.1080/02634937.2010.498231');
  assert.deepEqual(apa.item.author, [{ family: 'Anceschi', given: 'L.' }, { family: 'Cooley', given: 'A.' }]);
  assert.deepEqual(year(apa), [2010]);
  assert.equal(apa.item.title, 'Integrating domestic politics and foreign policy making');
  assert.equal(apa.item['container-title'], 'Central Asian Survey');
  assert.deepEqual([apa.item.volume, apa.item.issue, apa.item.page], ['29', '2', '151–167']);
  assert.equal(apa.item.DOI, '10.1080/02634937.2010.498231');

  const chicago = parseReference('Spechler, Martin C. "Regional Cooperation in Central Asia." Problems of Post-Communism 49, no. 6 (2002): 42–47.');
  assert.deepEqual(chicago.item.author, [{ family: 'Spechler', given: 'Martin C.' }]);
  assert.equal(chicago.item.title, 'Regional Cooperation in Central Asia');
  assert.equal(chicago.confidence.title, 0.95, 'a quoted title is sure');
  assert.equal(chicago.item['container-title'], 'Problems of Post-Communism');
  assert.deepEqual(year(chicago), [2002]);
  assert.equal(chicago.item.issue, '6');
  assert.equal(chicago.item.page, '42–47');
});

test('book: "Place: Publisher, year" and "Publisher, year"; particles stay with the family name', () => {
  const a = parseReference('Sebastien Peyrouse. Turkmenistan: Strategies of Power, Dilemmas of Development. Armonk: M.E. Sharpe, 2012.');
  assert.deepEqual(a.item.author, [{ family: 'Peyrouse', given: 'Sebastien' }]);
  assert.equal(a.item.title, 'Turkmenistan: Strategies of Power, Dilemmas of Development');
  assert.equal(a.item['publisher-place'], 'Armonk');
  assert.equal(a.item.publisher, 'M.E. Sharpe');
  assert.equal(a.item.type, 'book');
  assert.deepEqual(year(a), [2012]);

  const b = parseReference('Adrienne van der Berg. Small states and great powers, Oxford University Press, 2009.');
  assert.deepEqual(b.item.author, [{ family: 'van der Berg', given: 'Adrienne' }]);
  assert.equal(b.item.title, 'Small states and great powers');
  assert.equal(b.item.publisher, 'Oxford University Press');
  assert.equal(b.item.type, 'book');
});

test('web page with an access date and URL: dates in both orders, the address kept whole', () => {
  const r = parseReference('Catherine Putz. Turkmenistan hosts the Central Asian summit. The Diplomat, 6 August 2021. https://thediplomat.com/2021/08/turkmenistan-hosts-summit/ (accessed 12 March 2022).');
  assert.deepEqual(r.item.author, [{ family: 'Putz', given: 'Catherine' }]);
  assert.equal(r.item.title, 'Turkmenistan hosts the Central Asian summit');
  assert.equal(r.item['container-title'], 'The Diplomat');
  assert.deepEqual(year(r), [2021, 8, 6]);
  assert.equal(r.item.URL, 'https://thediplomat.com/2021/08/turkmenistan-hosts-summit/');
  assert.deepEqual((r.item.accessed as { 'date-parts': number[][] })['date-parts'], [[2022, 3, 12]]);
  assert.equal(r.item.type, 'webpage');

  const us = parseReference('Jane Doe. Gas exports in 2020. Energy Monitor, March 3, 2021, www.example.org/gas, retrieved on April 5, 2021.');
  assert.equal(us.item.URL, 'https://www.example.org/gas');
  assert.deepEqual((us.item.accessed as { 'date-parts': number[][] })['date-parts'], [[2021, 4, 5]]);
  assert.deepEqual(year(us), [2021, 3, 3], 'the year in the title is not the date');
});

test('Chinese journal: author before the colon, 《title》《journal》, 年 and 期; several authors', () => {
  const r = parseReference('张振国:《土库曼斯坦缘何走中立之路》，《亚非纵横》2001年第2期。');
  assert.deepEqual(r.item.author, [{ family: '张', given: '振国' }]);
  assert.equal(r.item.title, '土库曼斯坦缘何走中立之路');
  assert.equal(r.item['container-title'], '亚非纵横');
  assert.deepEqual(year(r), [2001]);
  assert.equal(r.item.issue, '2');
  assert.equal(r.item.type, 'article-journal');
  assert.equal(r.item.language, 'zh');

  const two = parseReference('欧阳明、李华等：《中亚能源合作研究》，《国际观察》2019年第4期，第15-28页。');
  assert.deepEqual(two.item.author, [{ family: '欧阳', given: '明' }, { family: '李', given: '华' }], 'compound surname, 、 separator, 等 dropped');
  assert.equal(two.item.page, '15–28');
});

test('Chinese web page and book: site and date after the title, 上网时间 access date, 出版社', () => {
  const web = parseReference('王伟：《土库曼斯坦总统访华》，新华网2019年5月6日，http://www.xinhuanet.com/world/2019-05/06/c_1124456.htm，访问时间：2022年1月2日。');
  assert.deepEqual(web.item.author, [{ family: '王', given: '伟' }]);
  assert.equal(web.item.title, '土库曼斯坦总统访华');
  assert.equal(web.item['container-title'], '新华网');
  assert.deepEqual(year(web), [2019, 5, 6]);
  assert.equal(web.item.URL, 'http://www.xinhuanet.com/world/2019-05/06/c_1124456.htm');
  assert.deepEqual((web.item.accessed as { 'date-parts': number[][] })['date-parts'], [[2022, 1, 2]]);
  assert.equal(web.item.type, 'webpage');

  const book = parseReference('孙壮志主编：《中亚五国对外关系》，北京：当代世界出版社2014年版，第45页。');
  assert.deepEqual(book.item.author, [{ family: '孙', given: '壮志' }]);
  assert.equal(book.item.publisher, '当代世界出版社');
  assert.equal(book.item['publisher-place'], '北京');
  assert.equal(book.item.type, 'book');
  assert.deepEqual(year(book), [2014]);
});

test('organisation as author: named by a colon or a full stop, with or without an organisation word', () => {
  const a = parseReference('International Crisis Group. Central Asia: Decay and Decline. Asia Report No. 201, 3 February 2011.');
  assert.deepEqual(a.item.author, [{ literal: 'International Crisis Group' }]);
  assert.equal(a.item.title, 'Central Asia: Decay and Decline');
  assert.deepEqual(year(a), [2011, 2, 3]);

  const b = parseReference("Press Trust of India：US, India To Revive 'New Silk Road', 2017.5.24,https://www.ndtv.com/india-news/x-1697632，上网时间2022年5月1日。");
  assert.deepEqual(b.item.author, [{ literal: 'Press Trust of India' }]);
  assert.equal(b.item.title, "US, India To Revive 'New Silk Road'");
  assert.deepEqual(year(b), [2017, 5, 24]);
  assert.equal(b.item.type, 'webpage');

  const c = parseReference('United Nations General Assembly. Permanent neutrality of Turkmenistan. Resolution 50/80, 12 December 1995.');
  assert.deepEqual(c.item.author, [{ literal: 'United Nations General Assembly' }]);
});

test('a note that is not a reference keeps its raw text, no invented fields, low confidence; nothing throws', () => {
  for (const raw of ['See the discussion above.', '', 'Ibid.', '[[[', '《', '12345', 'x'.repeat(5000)]) {
    const r = parseReference(raw);
    assert.equal(r.raw, raw);
    assert.equal(r.item.author, undefined, `no author in ${raw.slice(0, 20)}`);
    for (const [field, c] of Object.entries(r.confidence)) assert.ok(c! < LOW_CONFIDENCE, `${field} of "${raw.slice(0, 20)}" is marked unsure`);
  }
});

test('more shapes: Chicago and APA books, MLA article, APA volume without issue, news page, "Place, State: Publisher"', () => {
  const chicago = parseReference('Cooley, Alexander. Great Games, Local Rules: The New Great Power Contest in Central Asia. Oxford: Oxford University Press, 2012.');
  assert.deepEqual(chicago.item.author, [{ family: 'Cooley', given: 'Alexander' }]);
  assert.equal(chicago.item.title, 'Great Games, Local Rules: The New Great Power Contest in Central Asia');
  assert.deepEqual([chicago.item['publisher-place'], chicago.item.publisher, chicago.item.type], ['Oxford', 'Oxford University Press', 'book']);

  const apaBook = parseReference('Pomfret, R. (2019). The Central Asian economies in the twenty-first century. Princeton University Press.');
  assert.deepEqual([apaBook.item.title, apaBook.item.publisher, year(apaBook)], ['The Central Asian economies in the twenty-first century', 'Princeton University Press', [2019]]);

  const mla = parseReference('Anceschi, Luca. "Turkmenistan and the Virtual Politics of Eurasian Integration." The Russian Review, vol. 76, no. 1, 2017, pp. 79-96.');
  assert.deepEqual([mla.item.title, mla.item['container-title'], mla.item.volume, mla.item.issue, mla.item.page], ['Turkmenistan and the Virtual Politics of Eurasian Integration', 'The Russian Review', '76', '1', '79–96']);

  const apa = parseReference('Smith, J., Jones, K. L., & Brown, A. (2015). Gas pipelines and politics. Energy Policy, 84, 1–12. doi:10.1016/j.enpol.2015.04.001');
  assert.equal((apa.item.author as unknown[]).length, 3);
  assert.deepEqual([apa.item.volume, apa.item.page, apa.item.DOI], ['84', '1–12', '10.1016/j.enpol.2015.04.001']);

  const news = parseReference('"Turkmenistan profile". BBC News. 2 January 2018. Retrieved 5 March 2019.');
  assert.deepEqual([news.item.title, news.item['container-title'], news.item.type], ['Turkmenistan profile', 'BBC News', 'article-newspaper']);
  assert.deepEqual(year(news), [2018, 1, 2]);

  const wb = parseReference('World Bank. Turkmenistan Country Economic Update. Washington, DC: World Bank, 2021.');
  assert.deepEqual(wb.item.author, [{ literal: 'World Bank' }]);
  assert.deepEqual([wb.item['publisher-place'], wb.item.publisher], ['Washington, DC', 'World Bank']);
});

test('Chicago notes: "Author, Title (Place: Publisher, Year), page" and "Author, \"Article,\" Journal 29, no. 2 (2010): pages"; "See" dropped', () => {
  const book = parseReference("See Martha Brill Olcott, Central Asia's Second Chance (Washington, DC: Carnegie Endowment for International Peace, 2005), 23.");
  assert.deepEqual(book.item.author, [{ family: 'Olcott', given: 'Martha Brill' }]);
  assert.equal(book.item.title, "Central Asia's Second Chance");
  assert.deepEqual([book.item['publisher-place'], book.item.publisher, book.item.type], ['Washington, DC', 'Carnegie Endowment for International Peace', 'book']);
  assert.deepEqual(year(book), [2005]);

  const article = parseReference('Luca Anceschi, "Analyzing Turkmen Foreign Policy," Central Asian Survey 29, no. 2 (2010): 143–158.');
  assert.deepEqual(article.item.author, [{ family: 'Anceschi', given: 'Luca' }]);
  assert.deepEqual([article.item.title, article.item['container-title'], article.item.volume, article.item.issue, article.item.page],
    ['Analyzing Turkmen Foreign Policy', 'Central Asian Survey', '29', '2', '143–158']);
  assert.deepEqual(year(article), [2010]);

  const notAuthor = parseReference('Turkmenistan, the neutral state, 2005.');
  assert.equal(notAuthor.item.author, undefined, 'a place before a comma is no author');
});

test('Chinese translated book: nationality mark, transliterated name kept whole, translator, 出版社 and 年版', () => {
  const r = parseReference('[美]亨廷顿：《文明的冲突与世界秩序的重建》，周琪等译，新华出版社2002年版，第45页。');
  assert.deepEqual(r.item.author, [{ family: '亨廷顿' }]);
  assert.equal(r.item.title, '文明的冲突与世界秩序的重建');
  assert.deepEqual(r.item.translator, [{ family: '周', given: '琪' }]);
  assert.deepEqual([r.item.publisher, r.item.type], ['新华出版社', 'book']);
  assert.deepEqual(year(r), [2002]);
});
