import { DomainProblem } from '@corridor/http';

/** 422: refunds are set against a breach in the breach's currency. */
export class RefundCurrencyMismatch extends DomainProblem({ status: 422, slug: 'refund-currency-mismatch', title: 'The refund is in another currency than the breach' }) {
  constructor(breachCurrency: string, refundCurrency: string) {
    super(`the breach is in ${breachCurrency}; a refund in ${refundCurrency} cannot be set against it`, { field: 'currency', breachCurrency });
  }
}
