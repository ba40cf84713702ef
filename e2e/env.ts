// Fixed values for the end-to-end server: test-only secrets, never used elsewhere.
export const E2E = {
  port: Number(process.env.E2E_PORT || 3210),
  get baseURL() {
    return `http://127.0.0.1:${this.port}`;
  },
  demoPassword: "e2e-demo-password",
  secret: "e2e-only-nextauth-secret-0123456789abcdef",
  hookToken: "e2e-only-hook-token-0123456789",
};
