export * from './countries';
export * from './currencies';
export * from './isco08';
export * from './isic4';
export * from './calendar-date';
export * from './myanmar-script';
export * from './checkpoints';
