/**
 * @redliner/portfolio: what a contract's key terms mean for the team that manages it: the
 * deadlines its term creates (and their calendar file), and, across contracts, the portfolio.
 */
export { addDays, addMonths, addPeriod, daysBetween, isIsoDate, periodOf, periodWords, todayIso } from './deadlines/calendar-dates.ts';
export type { Period } from './deadlines/calendar-dates.ts';
export { computeDeadlines, DEFAULT_RENEGOTIATE_MONTHS } from './deadlines/compute-deadlines.ts';
export type { ContractDeadlines, Deadline, DeadlineKind, DeadlineOptions, MissingDeadline } from './deadlines/deadline-types.ts';
export { deadlinesIcs } from './deadlines/deadlines-ics.ts';
export type { CalendarSource, IcsOptions } from './deadlines/deadlines-ics.ts';
export { buildPortfolio, SCORE_FORMULA, SCORE_WEIGHTS } from './matrix/build-portfolio.ts';
export { portfolioCsv, portfolioXlsx } from './matrix/portfolio-export.ts';
export { TERM_DIRECTIONS } from './matrix/term-directions.ts';
export type { Better, TermDirection } from './matrix/term-directions.ts';
export type { PayerScore, Portfolio, PortfolioCell, PortfolioColumn, PortfolioInput, PortfolioRow } from './matrix/portfolio-types.ts';
