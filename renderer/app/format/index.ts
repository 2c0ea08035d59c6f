// The app's one place for showing values: dates and times, money, names from the team's lists, validation issues.
export * from './dates';
export * from './issues';
export * from './money';
export * from './names';
