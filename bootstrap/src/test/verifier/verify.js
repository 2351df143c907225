// Reads {"secret": "whsec_…", "headers": {"webhook-id": …, "webhook-timestamp": …, "webhook-signature": …},
// "body": "<the raw body>"} on stdin and verifies it with the official Standard Webhooks library.
// Prints "verified" and exits 0, or prints the library's refusal and exits 1.
const { Webhook } = require("standardwebhooks");

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {
  const { secret, headers, body } = JSON.parse(input);
  try {
    new Webhook(secret).verify(body, headers);
    console.log("verified");
  } catch (error) {
    console.log("refused: " + error.message);
    process.exitCode = 1;
  }
});
