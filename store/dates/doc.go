// Package dates is the one reader of typed and imported dates: every date
// field of the desk and every CSV import reads its dates here, so that a
// date a therapist can type in one place is read the same in every other.
//
// The forms read, with or without leading zeros:
//
//	2026-12-07  2026/12/07  2026.12.07   year first: always year, month, day
//	07.12.2026  7. 12. 2026              dots, year last: always day first
//	07/12/2026  07-12-2026               slashes or dashes, year last: in the
//	                                     Order given (the user's, or a column's)
//
// Dots with the year last are read day first everywhere: no locale writes
// month.day.year (glibc's d_fmt for all of its 298 locales, and CLDR's
// short dates, put the day first wherever they use dots). Dashes with the
// year last are day first in every locale that writes them that way (Dutch,
// Danish, Turkish, Indian ones), yet American hands write 12-07-2026 for
// December 7 on forms, so dashes follow the Order like slashes: the same
// reading wherever the locale is day-first, the American one in America.
//
// Two-digit years (07.12.26) are refused, asking for the year in full: the
// same reader serves dates of birth (1926 is a possible one) and session
// dates (2026), and no one century rule is right for both.
package dates
