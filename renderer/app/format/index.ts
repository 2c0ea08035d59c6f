// The app's one place for showing values: dates and times, names (money: formatFen of shared/prizes/money.ts) from the team's lists, validation issues.
export * from './dates';
export * from './issues';
export * from './names';
