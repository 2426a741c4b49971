import t from 'tap'
import { durationMonths, findDateRanges, findDates, formatYearMonth, parseDate, rangeMonths, stripDates, totalYears } from '../../src/ai/local/text/dates.ts'

const TODAY = new Date('2025-06-15T00:00:00Z')

t.test('one date in the ways CVs write it', async (t) => {
  t.same(parseDate('Jan 2019'), { year: 2019, month: 1 })
  t.same(parseDate('January 2019'), { year: 2019, month: 1 })
  t.same(parseDate('Sept. 2018'), { year: 2018, month: 9 })
  t.same(parseDate('Dec, 2020'), { year: 2020, month: 12 })
  t.same(parseDate('01/2019'), { year: 2019, month: 1 })
  t.same(parseDate('3.2021'), { year: 2021, month: 3 })
  t.same(parseDate('2019-01'), { year: 2019, month: 1 })
  t.same(parseDate('2019/11'), { year: 2019, month: 11 })
  t.same(parseDate(' 2019 '), { year: 2019, month: null })
  for (const text of ['Present', 'Foo 2019', '13/2019', '2019-00', '19', '']) t.equal(parseDate(text), null, text)
})

t.test('ranges with every separator, open ranges, "since"', async (t) => {
  const read = (text: string) => findDateRanges(text).map((range) => [range.start, range.end])
  t.same(read('Jan 2019 – Present'), [[{ year: 2019, month: 1 }, null]])
  t.same(read('2017-2019'), [[{ year: 2017, month: null }, { year: 2019, month: null }]])
  t.same(read('03/2019 — current'), [[{ year: 2019, month: 3 }, null]])
  t.same(read('2019-01 to 2020-03'), [[{ year: 2019, month: 1 }, { year: 2020, month: 3 }]])
  t.same(read('Aug 2014 - May 2015'), [[{ year: 2014, month: 8 }, { year: 2015, month: 5 }]])
  t.same(read('2014 to 2016'), [[{ year: 2014, month: null }, { year: 2016, month: null }]])
  t.same(read('June 2020 until now'), [[{ year: 2020, month: 6 }, null]])
  t.same(read('Feb 2021 to date'), [[{ year: 2021, month: 2 }, null]])
  t.same(read('since 2020'), [[{ year: 2020, month: null }, null]])
  t.same(read('Since Jan 2019 – Present'), [[{ year: 2019, month: 1 }, null]], '"since" does not read a range twice')
  t.same(read('2015 – 2016, then 2018 – 2019'), [[{ year: 2015, month: null }, { year: 2016, month: null }], [{ year: 2018, month: null }, { year: 2019, month: null }]])
  t.same(read('(2019)'), [], 'one year is not a range')
  t.same(read('Call +1 555 2019 2020'), [], 'digits in a phone number')
  const [range] = findDateRanges('Engineer (Jan 2020 – Present)')
  t.same([range?.index, range?.length], [10, 18], 'where the range is, to cut it out')
})

t.test('single dates, and dates stripped', async (t) => {
  t.same(findDates('MBA (2019), BSc 06/2012 – 2016'), [{ year: 2019, month: null }, { year: 2012, month: 6 }, { year: 2016, month: null }])
  t.equal(stripDates('Acme (Jan 2019 – Present), since 2020, 2014').replace(/\s+/g, ' ').trim(), 'Acme | , | , |')
})

t.test('format', async (t) => {
  t.equal(formatYearMonth({ year: 2019, month: 3 }), '2019-03')
  t.equal(formatYearMonth({ year: 2019, month: 12 }), '2019-12')
  t.equal(formatYearMonth({ year: 2019, month: null }), '2019')
})

t.test('durations count months, both ends included, never past today', async (t) => {
  t.equal(durationMonths({ start: { year: 2020, month: 1 }, end: { year: 2020, month: 3 } }, TODAY), 3)
  t.equal(durationMonths({ start: { year: 2017, month: null }, end: { year: 2019, month: null } }, TODAY), 36, 'year-only: January to December')
  t.equal(durationMonths({ start: { year: 2025, month: 1 }, end: null }, TODAY), 6, 'open: up to this month')
  t.equal(durationMonths({ start: { year: 2025, month: 1 }, end: { year: 2030, month: 1 } }, TODAY), 6, 'capped at today')
  t.equal(durationMonths({ start: { year: 2020, month: 5 }, end: { year: 2019, month: 1 } }, TODAY), 0, 'reversed')
  t.equal(durationMonths({ start: { year: 2026, month: 1 }, end: null }, TODAY), 0, 'in the future')
  t.same(rangeMonths({ start: { year: 2025, month: 6 }, end: null }, TODAY), [2025 * 12 + 5, 2025 * 12 + 5])
})

t.test('total years: overlaps count once, gaps do not count', async (t) => {
  const range = (start: [number, number], end: [number, number] | null) => ({
    start: { year: start[0], month: start[1] },
    end: end === null ? null : { year: end[0], month: end[1] }
  })
  t.equal(totalYears([], TODAY), 0)
  t.equal(totalYears([range([2020, 1], [2021, 12])], TODAY), 2)
  t.equal(totalYears([range([2020, 1], [2021, 12]), range([2021, 1], [2022, 12])], TODAY), 3, 'overlapping')
  t.equal(totalYears([range([2015, 1], [2024, 12]), range([2018, 1], [2019, 12])], TODAY), 10, 'nested')
  t.equal(totalYears([range([2022, 1], [2022, 6]), range([2020, 1], [2020, 6])], TODAY), 1, 'a gap, in any order')
  t.equal(totalYears([range([2024, 7], null), range([2025, 1], null)], TODAY), 1, 'two current jobs')
  t.equal(totalYears([range([2020, 1], [2020, 1])], TODAY), 0.1, 'one decimal')
})
