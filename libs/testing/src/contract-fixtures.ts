/**
 * Terms a destination registers that are worse than the verified job order (1,040,000 THB a
 * month, 8 hours a day): 900,000 THB and 10 hours, which is contract substitution.
 */
export const worseContractTerms = {
  employerName: 'Siam Frozen Foods Co., Ltd.',
  employerRegistrationNumber: '0105548012345',
  workplaceProvince: 'Samut Sakhon',
  occupationIsco: '9329',
  wageAmountMinor: 900_000,
  wageCurrency: 'THB',
  payPeriod: 'month',
  hoursPerDay: 10,
  restDaysPerWeek: 1,
  overtimeRatePercent: 150,
  contractMonths: 24,
  accommodation: 'provided',
  deductions: [{ purpose: 'Social security contribution', capAmountMinor: 75_000 }],
  returnJourneyPaidBy: 'employer',
  probationDays: 30,
};
