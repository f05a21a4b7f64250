<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AlertTexts</name>
    <message>
        <source>An unusually large amount was charged: check the sale with the customer.</source>
        <translation>An unusually large amount was charged: check the sale with the customer.</translation>
    </message>
    <message>
        <source>The channel does not know this payment yet; PayDesk keeps asking. Open the order to follow it.</source>
        <translation>The channel does not know this payment yet; PayDesk keeps asking. Open the order to follow it.</translation>
    </message>
    <message>
        <source>A payment is still not final after its deadline and is being revoked. Do not charge the customer again until it ends.</source>
        <translation>A payment is still not final after its deadline and is being revoked. Do not charge the customer again until it ends.</translation>
    </message>
    <message>
        <source>A payment's channel is not configured on this counter: check the channel settings.</source>
        <translation>A payment's channel is not configured on this counter: check the channel settings.</translation>
    </message>
    <message>
        <source>A revoke failed after every retry: the customer's money may have been taken. Call the channel and check the order.</source>
        <translation>A revoke failed after every retry: the customer's money may have been taken. Call the channel and check the order.</translation>
    </message>
    <message>
        <source>A refund is still not final: check it with the channel before refunding again.</source>
        <translation>A refund is still not final: check it with the channel before refunding again.</translation>
    </message>
    <message>
        <source>A payment notification named an order PayDesk does not know; nothing was changed.</source>
        <translation>A payment notification named an order PayDesk does not know; nothing was changed.</translation>
    </message>
    <message>
        <source>A payment notification came from another channel than the payment's and was not applied. Check the order.</source>
        <translation>A payment notification came from another channel than the payment's and was not applied. Check the order.</translation>
    </message>
    <message>
        <source>A payment notification carried another amount than the order's and was not applied. Check the order.</source>
        <translation>A payment notification carried another amount than the order's and was not applied. Check the order.</translation>
    </message>
    <message>
        <source>The channel reported a result that contradicts the one recorded; the first one stays. Check the order with the channel.</source>
        <translation>The channel reported a result that contradicts the one recorded; the first one stays. Check the order with the channel.</translation>
    </message>
    <message>
        <source>Calls to a payment channel keep failing: check the network and the channel's status.</source>
        <translation>Calls to a payment channel keep failing: check the network and the channel's status.</translation>
    </message>
    <message>
        <source>A channel's notification was refused (signature or merchant do not match); results now come by polling. Check the channel settings.</source>
        <translation>A channel's notification was refused (signature or merchant do not match); results now come by polling. Check the channel settings.</translation>
    </message>
    <message>
        <source>A payment could not be recorded in the ledger: tell the accounting staff.</source>
        <translation>A payment could not be recorded in the ledger: tell the accounting staff.</translation>
    </message>
    <message>
        <source>The ledger refused an unbalanced entry (a program error): tell support.</source>
        <translation>The ledger refused an unbalanced entry (a program error): tell support.</translation>
    </message>
    <message>
        <source>Payments made before the ledger existed are now recorded in it; nothing is due. For the accounting staff.</source>
        <translation>Payments made before the ledger existed are now recorded in it; nothing is due. For the accounting staff.</translation>
    </message>
    <message>
        <source>Reconciliation found a difference with the channel's bill: the accounting staff should look at it.</source>
        <translation>Reconciliation found a difference with the channel's bill: the accounting staff should look at it.</translation>
    </message>
    <message>
        <source>A payment arrived for an order already paid or closed; it is being returned automatically.</source>
        <translation>A payment arrived for an order already paid or closed; it is being returned automatically.</translation>
    </message>
    <message>
        <source>Refunds were locked at a counter after too many wrong supervisor PINs: find out who tried.</source>
        <translation>Refunds were locked at a counter after too many wrong supervisor PINs: find out who tried.</translation>
    </message>
</context>
<context>
    <name>AmountField</name>
    <message>
        <source>The amount is not valid: %1</source>
        <translation>The amount is not valid: %1</translation>
    </message>
</context>
<context>
    <name>AppMessages</name>
    <message>
        <source>The core could not start: %1
Check the data directory and the configuration, then start PayDesk again.</source>
        <translation>The core could not start: %1
Check the data directory and the configuration, then start PayDesk again.</translation>
    </message>
    <message>
        <source>Storage failed: %1
No command is taken any more. Restart PayDesk; it recovers from disk.</source>
        <translation>Storage failed: %1
No command is taken any more. Restart PayDesk; it recovers from disk.</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>System language</source>
        <translation>System language</translation>
    </message>
</context>
<context>
    <name>ReceiptDocument</name>
    <message>
        <source>PayDesk store</source>
        <translation>PayDesk store</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Order no.</source>
        <translation>Order no.</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Paid with</source>
        <translation>Paid with</translation>
    </message>
    <message>
        <source>Payment code</source>
        <translation>Payment code</translation>
    </message>
    <message>
        <source>Transaction no.</source>
        <translation>Transaction no.</translation>
    </message>
    <message>
        <source>Refund %1</source>
        <translation>Refund %1</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Thank you. Keep this receipt for refunds.</source>
        <translation>Thank you. Keep this receipt for refunds.</translation>
    </message>
    <message>
        <source>The PDF could not be written to %1. Choose another folder.</source>
        <translation>The PDF could not be written to %1. Choose another folder.</translation>
    </message>
    <message>
        <source>SANDBOX / 测试环境 — not a real payment</source>
        <translation>SANDBOX / 测试环境 — not a real payment</translation>
    </message>
</context>
<context>
    <name>SaleText</name>
    <message>
        <source>WeChat Pay</source>
        <translation>WeChat Pay</translation>
    </message>
    <message>
        <source>Alipay</source>
        <translation>Alipay</translation>
    </message>
    <message>
        <source>UnionPay</source>
        <translation>UnionPay</translation>
    </message>
    <message>
        <source>unknown wallet</source>
        <translation>unknown wallet</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>in progress</translation>
    </message>
    <message>
        <source>paid</source>
        <translation>paid</translation>
    </message>
    <message>
        <source>not paid</source>
        <translation>not paid</translation>
    </message>
    <message>
        <source>needs attention</source>
        <translation>needs attention</translation>
    </message>
    <message>
        <source>partly refunded</source>
        <translation>partly refunded</translation>
    </message>
    <message>
        <source>refunded</source>
        <translation>refunded</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>%1 s left before it is revoked automatically</source>
        <translation>%1 s left before it is revoked automatically</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Ready</translation>
    </message>
    <message>
        <source>Enter the amount, then scan the customer's payment code.</source>
        <translation>Enter the amount, then scan the customer's payment code.</translation>
    </message>
    <message>
        <source>Starting %1…</source>
        <translation>Starting %1…</translation>
    </message>
    <message>
        <source>Wait a moment.</source>
        <translation>Wait a moment.</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Not started</translation>
    </message>
    <message>
        <source>Nothing was charged. Scan the customer's payment code again.</source>
        <translation>Nothing was charged. Scan the customer's payment code again.</translation>
    </message>
    <message>
        <source>Nothing was charged. Check the amount and try again.</source>
        <translation>Nothing was charged. Check the amount and try again.</translation>
    </message>
    <message>
        <source>Nothing was charged. Restart PayDesk, then charge again.</source>
        <translation>Nothing was charged. Restart PayDesk, then charge again.</translation>
    </message>
    <message>
        <source>Nothing was charged. This wallet is not set up: ask for another one.</source>
        <translation>Nothing was charged. This wallet is not set up: ask for another one.</translation>
    </message>
    <message>
        <source>Nothing was charged. Read the message, then try again.</source>
        <translation>Nothing was charged. Read the message, then try again.</translation>
    </message>
    <message>
        <source>Revoking…</source>
        <translation>Revoking…</translation>
    </message>
    <message>
        <source>Revoke attempt %1 at %2.</source>
        <translation>Revoke attempt %1 at %2.</translation>
    </message>
    <message>
        <source>The revoke is being sent to %1.</source>
        <translation>The revoke is being sent to %1.</translation>
    </message>
    <message>
        <source>Wait: the payment is being cancelled. Do not charge again yet.</source>
        <translation>Wait: the payment is being cancelled. Do not charge again yet.</translation>
    </message>
    <message>
        <source>Sent to %1…</source>
        <translation>Sent to %1…</translation>
    </message>
    <message>
        <source>%1 is being charged.</source>
        <translation>%1 is being charged.</translation>
    </message>
    <message>
        <source>Wait for the answer.</source>
        <translation>Wait for the answer.</translation>
    </message>
    <message>
        <source>Waiting for the customer to scan</source>
        <translation>Waiting for the customer to scan</translation>
    </message>
    <message numerus="yes">
        <source>Checked with %1 %n time(s).</source>
        <translation><numerusform>Checked with %1 %n time.</numerusform><numerusform>Checked with %1 %n times.</numerusform></translation>
    </message>
    <message>
        <source>The code is valid until the countdown ends.</source>
        <translation>The code is valid until the countdown ends.</translation>
    </message>
    <message>
        <source>Ask the customer to scan the code with %1.</source>
        <translation>Ask the customer to scan the code with %1.</translation>
    </message>
    <message>
        <source>Waiting for the customer's password</source>
        <translation>Waiting for the customer's password</translation>
    </message>
    <message>
        <source>%1 asked the customer to confirm.</source>
        <translation>%1 asked the customer to confirm.</translation>
    </message>
    <message>
        <source>Ask the customer to confirm the payment on the phone.</source>
        <translation>Ask the customer to confirm the payment on the phone.</translation>
    </message>
    <message>
        <source>Checking with %1 (attempt %2)</source>
        <translation>Checking with %1 (attempt %2)</translation>
    </message>
    <message>
        <source>No clear answer yet from %1</source>
        <translation>No clear answer yet from %1</translation>
    </message>
    <message>
        <source>The outcome is not known yet; the payment is checked automatically.</source>
        <translation>The outcome is not known yet; the payment is checked automatically.</translation>
    </message>
    <message>
        <source>Wait. Do not charge again: the customer may already have paid.</source>
        <translation>Wait. Do not charge again: the customer may already have paid.</translation>
    </message>
    <message>
        <source>Revoke: return the money to the customer</source>
        <translation>Revoke: return the money to the customer</translation>
    </message>
    <message>
        <source>Revoke: cancel the payment (returned if already paid)</source>
        <translation>Revoke: cancel the payment (returned if already paid)</translation>
    </message>
    <message>
        <source>Paid %1</source>
        <translation>Paid %1</translation>
    </message>
    <message>
        <source>Paid with %1. Order %2.</source>
        <translation>Paid with %1. Order %2.</translation>
    </message>
    <message>
        <source>Hand over the receipt, then press New sale.</source>
        <translation>Hand over the receipt, then press New sale.</translation>
    </message>
    <message>
        <source>Money returned</source>
        <translation>Money returned</translation>
    </message>
    <message>
        <source>The payment was revoked after it went through: %1 went back to the customer.</source>
        <translation>The payment was revoked after it went through: %1 went back to the customer.</translation>
    </message>
    <message>
        <source>%1 was refunded to the customer.</source>
        <translation>%1 was refunded to the customer.</translation>
    </message>
    <message>
        <source>Nothing is kept for this sale. Charge again if the customer still buys.</source>
        <translation>Nothing is kept for this sale. Charge again if the customer still buys.</translation>
    </message>
    <message>
        <source>Revoked: not paid</source>
        <translation>Revoked: not paid</translation>
    </message>
    <message>
        <source>The payment was cancelled before any money was taken.</source>
        <translation>The payment was cancelled before any money was taken.</translation>
    </message>
    <message>
        <source>Ask the customer to pay again, or start a new sale.</source>
        <translation>Ask the customer to pay again, or start a new sale.</translation>
    </message>
    <message>
        <source>Not paid</source>
        <translation>Not paid</translation>
    </message>
    <message>
        <source>The customer's balance is not enough.</source>
        <translation>The customer's balance is not enough.</translation>
    </message>
    <message>
        <source>The payment code has expired.</source>
        <translation>The payment code has expired.</translation>
    </message>
    <message>
        <source>The channel refused the payment.</source>
        <translation>The channel refused the payment.</translation>
    </message>
    <message>
        <source>Nothing was taken. Ask for a new payment code or another way to pay.</source>
        <translation>Nothing was taken. Ask for a new payment code or another way to pay.</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Needs attention</translation>
    </message>
    <message>
        <source>The payment could not be cancelled, so whether money was taken is unknown.</source>
        <translation>The payment could not be cancelled, so whether money was taken is unknown.</translation>
    </message>
    <message>
        <source>Do not charge again. Call a supervisor with order %1; support checks it with the channel.</source>
        <translation>Do not charge again. Call a supervisor with order %1; support checks it with the channel.</translation>
    </message>
    <message>
        <source>Nothing was charged. The payment service is down: try again in a moment, or take another way to pay.</source>
        <translation>Nothing was charged. The payment service is down: try again in a moment, or take another way to pay.</translation>
    </message>
    <message>
        <source>The payment service could not be reached, so nothing was sent and nothing was charged.</source>
        <translation>The payment service could not be reached, so nothing was sent and nothing was charged.</translation>
    </message>
    <message>
        <source>Nothing was charged. The PayDesk server cannot be reached: check the network, then charge again.</source>
        <translation>Nothing was charged. The PayDesk server cannot be reached: check the network, then charge again.</translation>
    </message>
    <message>
        <source>Waiting for the PayDesk server…</source>
        <translation>Waiting for the PayDesk server…</translation>
    </message>
    <message>
        <source>The link to the server dropped during this sale. The server keeps the sale's outcome; it shows here as soon as the link is back.</source>
        <translation>The link to the server dropped during this sale. The server keeps the sale's outcome; it shows here as soon as the link is back.</translation>
    </message>
    <message>
        <source>Do not charge this sale again. Wait, or check the network.</source>
        <translation>Do not charge this sale again. Wait, or check the network.</translation>
    </message>
    <message>
        <source>Nothing was charged. Your role may not do this: ask a supervisor.</source>
        <translation>Nothing was charged. Your role may not do this: ask a supervisor.</translation>
    </message>
    <message>
        <source>Nothing was charged. Log in again: File → Switch user.</source>
        <translation>Nothing was charged. Log in again: File → Switch user.</translation>
    </message>
</context>
<context>
    <name>TimelineTexts</name>
    <message>
        <source>created</source>
        <translation>created</translation>
    </message>
    <message>
        <source>state change</source>
        <translation>state change</translation>
    </message>
    <message>
        <source>channel call</source>
        <translation>channel call</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>refused</translation>
    </message>
    <message>
        <source>conflicting result</source>
        <translation>conflicting result</translation>
    </message>
    <message>
        <source>duplicate payment</source>
        <translation>duplicate payment</translation>
    </message>
    <message>
        <source>alert</source>
        <translation>alert</translation>
    </message>
    <message>
        <source>deadline passed</source>
        <translation>deadline passed</translation>
    </message>
    <message>
        <source>sent to another acquirer</source>
        <translation>sent to another acquirer</translation>
    </message>
    <message>
        <source>picked up after a restart</source>
        <translation>picked up after a restart</translation>
    </message>
    <message>
        <source>refund requested</source>
        <translation>refund requested</translation>
    </message>
    <message>
        <source>revoke requested</source>
        <translation>revoke requested</translation>
    </message>
    <message>
        <source>posted to the ledger</source>
        <translation>posted to the ledger</translation>
    </message>
    <message>
        <source>ledger posting failed</source>
        <translation>ledger posting failed</translation>
    </message>
    <message>
        <source>reconciliation</source>
        <translation>reconciliation</translation>
    </message>
    <message>
        <source>PayDesk</source>
        <translation>PayDesk</translation>
    </message>
    <message>
        <source>counter</source>
        <translation>counter</translation>
    </message>
    <message>
        <source>ledger</source>
        <translation>ledger</translation>
    </message>
    <message>
        <source>PayDesk (scheduled check)</source>
        <translation>PayDesk (scheduled check)</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>pending</translation>
    </message>
    <message>
        <source>processing</source>
        <translation>processing</translation>
    </message>
    <message>
        <source>requested</source>
        <translation>requested</translation>
    </message>
    <message>
        <source>retrying</source>
        <translation>retrying</translation>
    </message>
    <message>
        <source>paid</source>
        <translation>paid</translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation>succeeded</translation>
    </message>
    <message>
        <source>done</source>
        <translation>done</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>closed</translation>
    </message>
    <message>
        <source>reversed</source>
        <translation>reversed</translation>
    </message>
    <message>
        <source>needs attention</source>
        <translation>needs attention</translation>
    </message>
    <message>
        <source>left to a person</source>
        <translation>left to a person</translation>
    </message>
    <message>
        <source>partly refunded</source>
        <translation>partly refunded</translation>
    </message>
    <message>
        <source>refunded</source>
        <translation>refunded</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>watch</source>
        <translation>watch</translation>
    </message>
    <message>
        <source>urgent</source>
        <translation>urgent</translation>
    </message>
    <message>
        <source>channel %1</source>
        <translation>channel %1</translation>
    </message>
    <message>
        <source>notification from %1</source>
        <translation>notification from %1</translation>
    </message>
    <message>
        <source>sale of %1 created (request %2)</source>
        <translation>sale of %1 created (request %2)</translation>
    </message>
    <message>
        <source>QR sale of %1 created (request %2)</source>
        <translation>QR sale of %1 created (request %2)</translation>
    </message>
    <message>
        <source>payment by %1 code %2 via %3, revoke deadline in %4 s</source>
        <translation>payment by %1 code %2 via %3, revoke deadline in %4 s</translation>
    </message>
    <message>
        <source>refund of %1 requested: %2</source>
        <translation>refund of %1 requested: %2</translation>
    </message>
    <message>
        <source>revoke of payment %1 requested: %2</source>
        <translation>revoke of payment %1 requested: %2</translation>
    </message>
    <message>
        <source>deadline passed: asking %1 once more before revoking</source>
        <translation>deadline passed: asking %1 once more before revoking</translation>
    </message>
    <message>
        <source>cancelled with no payment in flight</source>
        <translation>cancelled with no payment in flight</translation>
    </message>
    <message>
        <source>the payment service could not be reached; nothing was charged (%1)</source>
        <translation>the payment service could not be reached; nothing was charged (%1)</translation>
    </message>
    <message>
        <source>the payment service could not be reached; no QR code was issued (%1)</source>
        <translation>the payment service could not be reached; no QR code was issued (%1)</translation>
    </message>
    <message>
        <source>QR code issued; waiting for the customer to scan</source>
        <translation>QR code issued; waiting for the customer to scan</translation>
    </message>
    <message>
        <source>QR code refused: %1</source>
        <translation>QR code refused: %1</translation>
    </message>
    <message>
        <source>QR request outcome unknown</source>
        <translation>QR request outcome unknown</translation>
    </message>
    <message>
        <source>paid (%1)</source>
        <translation>paid (%1)</translation>
    </message>
    <message>
        <source>failed: %1 (%2)</source>
        <translation>failed: %1 (%2)</translation>
    </message>
    <message>
        <source>no answer in time: outcome unknown, will query</source>
        <translation>no answer in time: outcome unknown, will query</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>paid %1 by %2</source>
        <translation>paid %1 by %2</translation>
    </message>
    <message>
        <source>not paid: %1</source>
        <translation>not paid: %1</translation>
    </message>
    <message>
        <source>the channel returned the money</source>
        <translation>the channel returned the money</translation>
    </message>
    <message>
        <source>the channel closed the unpaid trade</source>
        <translation>the channel closed the unpaid trade</translation>
    </message>
    <message>
        <source>revoked after it was paid: money returned</source>
        <translation>revoked after it was paid: money returned</translation>
    </message>
    <message>
        <source>revoked before it was paid</source>
        <translation>revoked before it was paid</translation>
    </message>
    <message>
        <source>the payment was revoked and returned</source>
        <translation>the payment was revoked and returned</translation>
    </message>
    <message>
        <source>retrying: %1</source>
        <translation>retrying: %1</translation>
    </message>
    <message>
        <source>revoke failed: a person must check this payment</source>
        <translation>revoke failed: a person must check this payment</translation>
    </message>
    <message>
        <source>money returned to the customer</source>
        <translation>money returned to the customer</translation>
    </message>
    <message>
        <source>refund refused: %1 (%2)</source>
        <translation>refund refused: %1 (%2)</translation>
    </message>
    <message>
        <source>refunded %1 of %2</source>
        <translation>refunded %1 of %2</translation>
    </message>
    <message>
        <source>refund outcome not known yet (%1)</source>
        <translation>refund outcome not known yet (%1)</translation>
    </message>
    <message>
        <source>resumed after restart in state %1: asking the channel</source>
        <translation>resumed after restart in state %1: asking the channel</translation>
    </message>
    <message>
        <source>revoke resumed after restart</source>
        <translation>revoke resumed after restart</translation>
    </message>
    <message>
        <source>refund resumed after restart</source>
        <translation>refund resumed after restart</translation>
    </message>
    <message>
        <source>alert (%1): %2</source>
        <translation>alert (%1): %2</translation>
    </message>
    <message>
        <source>pay</source>
        <translation>pay</translation>
    </message>
    <message>
        <source>late answer to pay</source>
        <translation>late answer to pay</translation>
    </message>
    <message>
        <source>query</source>
        <translation>query</translation>
    </message>
    <message>
        <source>late answer to query</source>
        <translation>late answer to query</translation>
    </message>
    <message>
        <source>revoke</source>
        <translation>revoke</translation>
    </message>
    <message>
        <source>late answer to revoke</source>
        <translation>late answer to revoke</translation>
    </message>
    <message>
        <source>refund</source>
        <translation>refund</translation>
    </message>
    <message>
        <source>late answer to refund</source>
        <translation>late answer to refund</translation>
    </message>
    <message>
        <source>refund query</source>
        <translation>refund query</translation>
    </message>
    <message>
        <source>notification</source>
        <translation>notification</translation>
    </message>
    <message>
        <source>QR code request</source>
        <translation>QR code request</translation>
    </message>
    <message>
        <source>not paid</source>
        <translation>not paid</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>in progress</translation>
    </message>
    <message>
        <source>no clear answer</source>
        <translation>no clear answer</translation>
    </message>
    <message>
        <source>recorded in the ledger: %1</source>
        <translation>recorded in the ledger: %1</translation>
    </message>
    <message>
        <source>could not be recorded in the ledger: %1</source>
        <translation>could not be recorded in the ledger: %1</translation>
    </message>
    <message>
        <source>%1 refused payment %2 (%3): the code goes to %4 as payment %5</source>
        <translation>%1 refused payment %2 (%3): the code goes to %4 as payment %5</translation>
    </message>
    <message>
        <source>%1 could not be reached for payment %2 (%3): the code goes to %4 as payment %5</source>
        <translation>%1 could not be reached for payment %2 (%3): the code goes to %4 as payment %5</translation>
    </message>
    <message>
        <source>%1 has no such refund (its request was lost): sent again under the same number</source>
        <translation>%1 has no such refund (its request was lost): sent again under the same number</translation>
    </message>
    <message>
        <source>taken over from %1, whose lease ran out</source>
        <translation>taken over from %1, whose lease ran out</translation>
    </message>
    <message>
        <source>notified %1: asking the channel before believing it</source>
        <translation>notified %1: asking the channel before believing it</translation>
    </message>
</context>
<context>
    <name>paydesk::ui</name>
    <message>
        <source>%1 (attempt %2)</source>
        <translation>%1 (attempt %2)</translation>
    </message>
    <message>
        <source>no answer before the timeout</source>
        <translation>no answer before the timeout</translation>
    </message>
    <message>
        <source>[trade not found yet]</source>
        <translation>[trade not found yet]</translation>
    </message>
    <message>
        <source>[the channel asks to retry]</source>
        <translation>[the channel asks to retry]</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>alert (%1): %2</source>
        <translation>alert (%1): %2</translation>
    </message>
</context>
<context>
    <name>paydesk::ui::ActorField</name>
    <message>
        <source>Type your name first: every step here is recorded in a person's name.</source>
        <translation>Type your name first: every step here is recorded in a person's name.</translation>
    </message>
    <message>
        <source>Your name (nobody logs in here)</source>
        <translation>Your name (nobody logs in here)</translation>
    </message>
</context>
<context>
    <name>paydesk::ui::AlertsScreen</name>
    <message>
        <source>Pick an alert to see what it says.</source>
        <translation>Pick an alert to see what it says.</translation>
    </message>
    <message>
        <source>No alert to show.</source>
        <translation>No alert to show.</translation>
    </message>
    <message>
        <source>Raised %1.</source>
        <translation>Raised %1.</translation>
    </message>
    <message>
        <source>Acknowledged by %1 at %2.</source>
        <translation>Acknowledged by %1 at %2.</translation>
    </message>
    <message>
        <source>Pick an alert in the list first.</source>
        <translation>Pick an alert in the list first.</translation>
    </message>
    <message>
        <source>Alert %1 acknowledged.</source>
        <translation>Alert %1 acknowledged.</translation>
    </message>
    <message>
        <source>Only open alerts</source>
        <translation>Only open alerts</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Severity</translation>
    </message>
    <message>
        <source>any</source>
        <translation>any</translation>
    </message>
    <message>
        <source>page: act now</source>
        <translation>page: act now</translation>
    </message>
    <message>
        <source>watch: look today</source>
        <translation>watch: look today</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Acknowledge</translation>
    </message>
    <message>
        <source>Open order</source>
        <translation>Open order</translation>
    </message>
</context>
<context>
    <name>paydesk::ui::AlertsStrip</name>
    <message numerus="yes">
        <source>⚠ %n open alert(s)</source>
        <translation><numerusform>⚠ %n open alert</numerusform><numerusform>⚠ %n open alerts</numerusform></translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Acknowledge</translation>
    </message>
    <message>
        <source>Open order</source>
        <translation>Open order</translation>
    </message>
</context>
<context>
    <name>paydesk::ui::AlertsTableModel</name>
    <message>
        <source>page</source>
        <translation>page</translation>
    </message>
    <message>
        <source>watch</source>
        <translation>watch</translation>
    </message>
    <message>
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <source>acknowledged by %1 at %2</source>
        <translation>acknowledged by %1 at %2</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>Raised</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Severity</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>What it means</source>
        <translation>What it means</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
</context>
<context>
    <name>paydesk::ui::ApprovalInbox</name>
    <message>
        <source>Pick a request in the list first.</source>
        <translation>Pick a request in the list first.</translation>
    </message>
    <message>
        <source>%1 is already %2.</source>
        <translation>%1 is already %2.</translation>
    </message>
    <message>
        <source>Say why you reject %1 (the note), so the proposer knows.</source>
        <translation>Say why you reject %1 (the note), so the proposer knows.</translation>
    </message>
    <message>
        <source>Type your name first: a request is decided by someone other than its proposer.</source>
        <translation>Type your name first: a request is decided by someone other than its proposer.</translation>
    </message>
    <message>
        <source>%1 approved.</source>
        <translation>%1 approved.</translation>
    </message>
    <message>
        <source>%1 rejected.</source>
        <translation>%1 rejected.</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>why (needed to reject)</source>
        <translation>why (needed to reject)</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Reject</translation>
    </message>
</context>
<context>
    <name>paydesk::ui::ApprovalsModel</name>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Other account</source>
        <translation>Other account</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Proposed by</source>
        <translation>Proposed by</translation>
    </message>
    <message>
        <source>Proposed at</source>
        <translation>Proposed at</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>Decided by</translation>
    </message>
    <message>
        <source>Decision note</source>
        <translation>Decision note</translation>
    </message>
</context>
<context>
    <name>paydesk::ui::ApprovalsScreen</name>
    <message numerus="yes">
        <source>Limits: %n payout(s) a day, at most %1 a day in all; a second person approves each.</source>
        <translation><numerusform>Limits: %n payout a day, at most %1 a day in all; a second person approves each.</numerusform><numerusform>Limits: %n payouts a day, at most %1 a day in all; a second person approves each.</numerusform></translation>
    </message>
    <message>
        <source>Settling %1…</source>
        <translation>Settling %1…</translation>
    </message>
    <message>
        <source>%1 settled: payments %2, refunds and reversals %3, fees %4; %5 became available for payouts.</source>
        <translation>%1 settled: payments %2, refunds and reversals %3, fees %4; %5 became available for payouts.</translation>
    </message>
    <message>
        <source>A payout needs an amount above zero.</source>
        <translation>A payout needs an amount above zero.</translation>
    </message>
    <message>
        <source>%1 requested: another person approves or rejects it below.</source>
        <translation>%1 requested: another person approves or rejects it below.</translation>
    </message>
    <message>
        <source>An adjustment needs an amount (positive debits the account, negative credits it).</source>
        <translation>An adjustment needs an amount (positive debits the account, negative credits it).</translation>
    </message>
    <message>
        <source>%1 proposed: another person approves or rejects it below.</source>
        <translation>%1 proposed: another person approves or rejects it below.</translation>
    </message>
    <message>
        <source>Settlement</source>
        <translation>Settlement</translation>
    </message>
    <message>
        <source>Payouts</source>
        <translation>Payouts</translation>
    </message>
    <message>
        <source>Adjustments</source>
        <translation>Adjustments</translation>
    </message>
    <message>
        <source>Business day</source>
        <translation>Business day</translation>
    </message>
    <message>
        <source>Settle the day</source>
        <translation>Settle the day</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Request payout</source>
        <translation>Request payout</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Amount (debit +, credit −)</source>
        <translation>Amount (debit +, credit −)</translation>
    </message>
    <message>
        <source>Other account</source>
        <translation>Other account</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Propose adjustment</source>
        <translation>Propose adjustment</translation>
    </message>
    <message>
        <source>Member wallets</source>
        <translation>Member wallets</translation>
    </message>
</context>
<context>
    <name>paydesk::ui::AuditModel</name>
    <message>
        <source>(no login)</source>
        <translation>(no login)</translation>
    </message>
    <message>
        <source>(no answer)</source>
        <translation>(no answer)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>Counter</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>About</source>
        <translation>About</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
</context>
<context>
    <name>paydesk::ui::AuditScreen</name>
    <message>
        <source>Export the audit log</source>
        <translation>Export the audit log</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>Not exported: %1</source>
        <translation>Not exported: %1</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s), newest first</source>
        <translation><numerusform>%n row, newest first</numerusform><numerusform>%n rows, newest first</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) written to %1</source>
        <translation><numerusform>%n row written to %1</numerusform><numerusform>%n rows written to %1</numerusform></translation>
    </message>
</context>
<context>
    <name>paydesk::ui::BalancesModel</name>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Debit</source>
        <translation>Debit</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation>Credit</translation>
    </message>
</context>
<context>
    <name>paydesk::ui::CameraScanDialog</name>
    <message>
        <source>Scan with the camera</source>
        <translation>Scan with the camera</translation>
    </message>
    <message>
        <source>Use this code</source>
        <translation>Use this code</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>No camera was found. Use the scanner, or type the code by hand.</source>
        <translation>No camera was found. Use the scanner, or type the code by hand.</translation>
    </message>
    <message>
        <source>The camera failed: %1. Use the scanner, or type the code.</source>
        <translation>The camera failed: %1. Use the scanner, or type the code.</translation>
    </message>
    <message>
        <source>Hold the customer's payment code in front of the camera.</source>
        <translation>Hold the customer's payment code in front of the camera.</translation>
    </message>
    <message>
        <source>Found a %1 payment code: %2</source>
        <translation>Found a %1 payment code: %2</translation>
    </message>
    <message>
        <source>Found %1, which is not a payment code. Ask for the payment code.</source>
        <translation>Found %1, which is not a payment code. Ask for the payment code.</translation>
    </message>
</context>
<context>
    <name>paydesk::ui::CashierScreen</name>
    <message>
        <source>The amount is not valid (%1). Type it like 12.50.</source>
        <translation>The amount is not valid (%1). Type it like 12.50.</translation>
    </message>
    <message>
        <source>Now scan the customer's payment code (or type it and press Enter).</source>
        <translation>Now scan the customer's payment code (or type it and press Enter).</translation>
    </message>
    <message>
        <source>A sale is in progress: the scanned code was not used. Wait for its outcome.</source>
        <translation>A sale is in progress: the scanned code was not used. Wait for its outcome.</translation>
    </message>
    <message>
        <source>Code scanned. Enter the amount and press Enter to charge.</source>
        <translation>Code scanned. Enter the amount and press Enter to charge.</translation>
    </message>
    <message>
        <source>A sale is in progress. Wait for its outcome or revoke it.</source>
        <translation>A sale is in progress. Wait for its outcome or revoke it.</translation>
    </message>
    <message>
        <source>Scan the customer's payment code first.</source>
        <translation>Scan the customer's payment code first.</translation>
    </message>
    <message>
        <source>A sale is in progress: it cannot be cleared. Wait, or revoke it.</source>
        <translation>A sale is in progress: it cannot be cleared. Wait, or revoke it.</translation>
    </message>
    <message>
        <source>Amount (¥)</source>
        <translation>Amount (¥)</translation>
    </message>
    <message>
        <source>0.00</source>
        <translation>0.00</translation>
    </message>
    <message>
        <source>Payment code</source>
        <translation>Payment code</translation>
    </message>
    <message>
        <source>Scan the customer's code</source>
        <translation>Scan the customer's code</translation>
    </message>
    <message>
        <source>Charge (Enter)</source>
        <translation>Charge (Enter)</translation>
    </message>
    <message>
        <source>Clear (Esc)</source>
        <translation>Clear (Esc)</translation>
    </message>
    <message>
        <source>Show QR code</source>
        <translation>Show QR code</translation>
    </message>
    <message>
        <source>Camera…</source>
        <translation>Camera…</translation>
    </message>
    <message>
        <source>%1 cannot be reached right now (%2). A charge ends at once with nothing taken; ask for another way to pay, or try again.</source>
        <translation>%1 cannot be reached right now (%2). A charge ends at once with nothing taken; ask for another way to pay, or try again.</translation>
    </message>
    <message>
        <source>Charge (%1 unreachable)</source>
        <translation>Charge (%1 unreachable)</translation>
    </message>
    <message>
        <source>Confirm %1 (Enter)</source>
        <translation>Confirm %1 (Enter)</translation>
    </message>
    <message>
        <source>%1 is a large amount. Check it with the customer, then press Enter again (or Confirm) to charge it; Esc to correct it.</source>
        <translation>%1 is a large amount. Check it with the customer, then press Enter again (or Confirm) to charge it; Esc to correct it.</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Items, table… (optional)</source>
        <translation>Items, table… (optional)</translation>
    </message>
</context>
<context>
    <name>paydesk::ui::CheckModel</name>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message numerus="yes">
        <source>%n more than the rule expects</source>
        <translation><numerusform>%n more than the rule expects</numerusform><numerusform>%n more than the rule expects</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n fewer than the rule expects</source>
        <translation><numerusform>%n fewer than the rule expects</numerusform><numerusform>%n fewer than the rule expects</numerusform></translation>
    </message>
    <message>
        <source>the books hold %1 more than the rule expects</source>
        <translation>the books hold %1 more than the rule expects</translation>
    </message>
    <message>
        <source>the books hold %1 less than the rule expects</source>
        <translation>the books hold %1 less than the rule expects</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>Checked</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Rule</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Expected</translation>
    </message>
    <message>
        <source>In the books</source>
        <translation>In the books</translation>
    </message>
</context>
<context>
    <name>paydesk::ui::DashboardScreen</name>
    <message numerus="yes">
        <source>%n sale(s), ¥%1</source>
        <translation><numerusform>%n sale, ¥%1</numerusform><numerusform>%n sales, ¥%1</numerusform></translation>
    </message>
    <message>
        <source>Open alerts: %1 to act on, %2 to watch</source>
        <translation>Open alerts: %1 to act on, %2 to watch</translation>
    </message>
    <message>
        <source>Reconciliation differences waiting: %1</source>
        <translation>Reconciliation differences waiting: %1</translation>
    </message>
    <message>
        <source>Orders not finished: %1</source>
        <translation>Orders not finished: %1</translation>
    </message>
    <message>
        <source>Figures for %1 (China time), read at %2; they follow each payment while this screen is open.</source>
        <translation>Figures for %1 (China time), read at %2; they follow each payment while this screen is open.</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Yesterday</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>This month</translation>
    </message>
    <message>
        <source>Chosen days</source>
        <translation>Chosen days</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Net takings</source>
        <translation>Net takings</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Sales</translation>
    </message>
    <message>
        <source>Success rate</source>
        <translation>Success rate</translation>
    </message>
    <message>
        <source>Median time to paid</source>
        <translation>Median time to paid</translation>
    </message>
    <message>
        <source>Open the alerts</source>
        <translation>Open the alerts</translation>
    </message>
    <message>
        <source>Open reconciliation</source>
        <translation>Open reconciliation</translation>
    </message>
    <message>
        <source>Open the orders</source>
        <translation>Open the orders</translation>
    </message>
</context>
<context>
    <name>paydesk::ui::DifferencesModel</name>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Day</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Difference</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>Ours</source>
        <translation>Ours</translation>
    </message>
    <message>
        <source>Bill</source>
        <translation>Bill</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Proposed by</source>
        <translation>Proposed by</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>Decided by</translation>
    </message>
</context>
<context>
    <name>paydesk::ui::FirstRunWizard</name>
    <message>
        <source>Set up this counter</source>
        <translation>Set up this counter</translation>
    </message>
    <message>
        <source>Welcome to PayDesk</source>
        <translation>Welcome to PayDesk</translation>
    </message>
    <message>
        <source>A few answers and this counter is ready. Everything can be changed later in Settings.</source>
        <translation>A few answers and this counter is ready. Everything can be changed later in Settings.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>This counter</source>
        <translation>This counter</translation>
    </message>
    <message>
        <source>Names printed on receipts. The core's store and terminal numbers are in its configuration file.</source>
        <translation>Names printed on receipts. The core's store and terminal numbers are in its configuration file.</translation>
    </message>
    <message>
        <source>default location</source>
        <translation>default location</translation>
    </message>
    <message>
        <source>Store name</source>
        <translation>Store name</translation>
    </message>
    <message>
        <source>Counter name</source>
        <translation>Counter name</translation>
    </message>
    <message>
        <source>Data directory</source>
        <translation>Data directory</translation>
    </message>
    <message>
        <source>Scanner</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <source>A USB scanner that types like a keyboard works as it is. If it adds characters before or after each code, enter them here.</source>
        <translation>A USB scanner that types like a keyboard works as it is. If it adds characters before or after each code, enter them here.</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>Prefix</translation>
    </message>
    <message>
        <source>Suffix</source>
        <translation>Suffix</translation>
    </message>
</context>
<context>
    <name>paydesk::ui::HourlyTakingsChart</name>
    <message>
        <source>Sales by hour of the day (China time), yuan</source>
        <translation>Sales by hour of the day (China time), yuan</translation>
    </message>
</context>
<context>
    <name>paydesk::ui::JournalModel</name>
    <message>
        <source>%1 (reverses %2)</source>
        <translation>%1 (reverses %2)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Entry</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Reference</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Memo</source>
        <translation>Memo</translation>
    </message>
</context>
<context>
    <name>paydesk::ui::LastSalesPanel</name>
    <message>
        <source>Last sales</source>
        <translation>Last sales</translation>
    </message>
    <message>
        <source>Refund… (F4)</source>
        <translation>Refund… (F4)</translation>
    </message>
    <message>
        <source>Receipt… (F6)</source>
        <translation>Receipt… (F6)</translation>
    </message>
</context>
<context>
    <name>paydesk::ui::LedgerScreen</name>
    <message>
        <source>The balances could not be read: %1</source>
        <translation>The balances could not be read: %1</translation>
    </message>
    <message>
        <source>now</source>
        <translation>now</translation>
    </message>
    <message>
        <source>Trial balance (%1): debits %2 = credits %3, balanced</source>
        <translation>Trial balance (%1): debits %2 = credits %3, balanced</translation>
    </message>
    <message>
        <source>Trial balance (%1): debits %2, credits %3: OUT OF BALANCE by %4. Run the internal check to see where.</source>
        <translation>Trial balance (%1): debits %2, credits %3: OUT OF BALANCE by %4. Run the internal check to see where.</translation>
    </message>
    <message>
        <source>Pick an entry to see its postings.</source>
        <translation>Pick an entry to see its postings.</translation>
    </message>
    <message>
        <source>Entry %1, %2 %3</source>
        <translation>Entry %1, %2 %3</translation>
    </message>
    <message>
        <source>, order %1</source>
        <translation>, order %1</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>The check could not run: %1</source>
        <translation>The check could not run: %1</translation>
    </message>
    <message numerus="yes">
        <source>All %n line(s) hold.</source>
        <translation><numerusform>All %n line hold.</numerusform><numerusform>All %n lines hold.</numerusform></translation>
    </message>
    <message>
        <source>%1 of %2 lines fail: each says what is wrong.</source>
        <translation>%1 of %2 lines fail: each says what is wrong.</translation>
    </message>
    <message>
        <source>Balances and trial balance</source>
        <translation>Balances and trial balance</translation>
    </message>
    <message>
        <source>Journal</source>
        <translation>Journal</translation>
    </message>
    <message>
        <source>Internal check</source>
        <translation>Internal check</translation>
    </message>
    <message>
        <source>Now; or at</source>
        <translation>Now; or at</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Double-click an account to see its journal.</source>
        <translation>Double-click an account to see its journal.</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Order or reference</source>
        <translation>Order or reference</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Run the internal check</source>
        <translation>Run the internal check</translation>
    </message>
    <message numerus="yes">
        <source>%n entry(ies) shown; scroll down for more</source>
        <translation><numerusform>%n entry shown; scroll down for more</numerusform><numerusform>%n entries shown; scroll down for more</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n entry(ies)</source>
        <translation><numerusform>%n entry</numerusform><numerusform>%n entries</numerusform></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>an entry and its memo</comment>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>paydesk::ui::LoginDialog</name>
    <message>
        <source>Log in to PayDesk</source>
        <translation>Log in to PayDesk</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>Not logged in. Check the name and password, or ask an admin.</source>
        <translation>Not logged in. Check the name and password, or ask an admin.</translation>
    </message>
</context>
<context>
    <name>paydesk::ui::MainWindow</name>
    <message>
        <source>PayDesk</source>
        <translation>PayDesk</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Counter mode (high contrast, large type)</source>
        <translation>&amp;Counter mode (high contrast, large type)</translation>
    </message>
    <message>
        <source>Demo: test codes such as 130000000000000001 (paid at once) or 130105000000000001 (password, then paid). Data in %1 is thrown away.</source>
        <translation>Demo: test codes such as 130000000000000001 (paid at once) or 130105000000000001 (password, then paid). Data in %1 is thrown away.</translation>
    </message>
    <message>
        <source>PayDesk — demo — SANDBOX / 测试环境 (nothing is really charged)</source>
        <translation>PayDesk — demo — SANDBOX / 测试环境 (nothing is really charged)</translation>
    </message>
    <message>
        <source>PayDesk — SANDBOX / 测试环境 (nothing is really charged)</source>
        <translation>PayDesk — SANDBOX / 测试环境 (nothing is really charged)</translation>
    </message>
    <message>
        <source>SANDBOX / 测试环境: not real payments</source>
        <translation>SANDBOX / 测试环境: not real payments</translation>
    </message>
    <message>
        <source>A sale is in progress</source>
        <translation>A sale is in progress</translation>
    </message>
    <message>
        <source>Order %1 has no final outcome yet. If you quit now, nothing is lost: the next time PayDesk starts it asks the channel again, and revokes the payment if it is still unknown (the money goes back if it was taken). Quit anyway?</source>
        <translation>Order %1 has no final outcome yet. If you quit now, nothing is lost: the next time PayDesk starts it asks the channel again, and revokes the payment if it is still unknown (the money goes back if it was taken). Quit anyway?</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Stay</source>
        <translation>Stay</translation>
    </message>
    <message>
        <source>Cashier (Alt+1)</source>
        <translation>Cashier (Alt+1)</translation>
    </message>
    <message>
        <source>QR code (Alt+2)</source>
        <translation>QR code (Alt+2)</translation>
    </message>
    <message>
        <source>Orders (Alt+3)</source>
        <translation>Orders (Alt+3)</translation>
    </message>
    <message>
        <source>Switch &amp;user… (shift change)</source>
        <translation>Switch &amp;user… (shift change)</translation>
    </message>
    <message>
        <source>%1 may not refund: a cashier or supervisor does.</source>
        <translation>%1 may not refund: a cashier or supervisor does.</translation>
    </message>
    <message>
        <source>Ledger (Alt+4)</source>
        <translation>Ledger (Alt+4)</translation>
    </message>
    <message>
        <source>Alerts (Alt+7)</source>
        <translation>Alerts (Alt+7)</translation>
    </message>
    <message>
        <source>Audit log (Alt+8)</source>
        <translation>Audit log (Alt+8)</translation>
    </message>
    <message>
        <source>Approvals (Alt+5)</source>
        <translation>Approvals (Alt+5)</translation>
    </message>
    <message>
        <source>Reconcile (Alt+6)</source>
        <translation>Reconcile (Alt+6)</translation>
    </message>
    <message>
        <source>%1 may not close the shift: a cashier or supervisor does.</source>
        <translation>%1 may not close the shift: a cashier or supervisor does.</translation>
    </message>
    <message>
        <source>&amp;Close the shift (交班)…</source>
        <translation>&amp;Close the shift (交班)…</translation>
    </message>
    <message>
        <source>Dashboard (Alt+9)</source>
        <translation>Dashboard (Alt+9)</translation>
    </message>
</context>
<context>
    <name>paydesk::ui::OrderDetailView</name>
    <message>
        <source>Select an order to see its story.</source>
        <translation>Select an order to see its story.</translation>
    </message>
    <message>
        <source>Order %1 was not found.</source>
        <translation>Order %1 was not found.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Order %1&lt;/b&gt; — %2</source>
        <translation>&lt;b&gt;Order %1&lt;/b&gt; — %2</translation>
    </message>
    <message>
        <source>Amount %1, refunded %2, refund in progress %3</source>
        <translation>Amount %1, refunded %2, refund in progress %3</translation>
    </message>
    <message>
        <source>Created %1 at store %2, counter %3; note: %4</source>
        <translation>Created %1 at store %2, counter %3; note: %4</translation>
    </message>
    <message>
        <source>Payment %1: %2 %3, %4, code %5, channel trade no. %6</source>
        <translation>Payment %1: %2 %3, %4, code %5, channel trade no. %6</translation>
    </message>
    <message numerus="yes">
        <source>Revoke %1: %2, %n attempt(s), action %3</source>
        <translation><numerusform>Revoke %1: %2, %n attempt, action %3</numerusform><numerusform>Revoke %1: %2, %n attempts, action %3</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>&lt;span style='color:#b01c1c'&gt;⚠ %n alert(s) on this order: see the highlighted steps.&lt;/span&gt;</source>
        <translation><numerusform>&lt;span style='color:#b01c1c'&gt;⚠ %n alert on this order: see the highlighted steps.&lt;/span&gt;</numerusform><numerusform>&lt;span style='color:#b01c1c'&gt;⚠ %n alerts on this order: see the highlighted steps.&lt;/span&gt;</numerusform></translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>Refunds</translation>
    </message>
    <message>
        <source>Timeline (click ▸ to see the raw message; codes and keys are masked)</source>
        <translation>Timeline (click ▸ to see the raw message; codes and keys are masked)</translation>
    </message>
    <message>
        <source>Ask the channel now</source>
        <translation>Ask the channel now</translation>
    </message>
    <message>
        <source>Asking…</source>
        <translation>Asking…</translation>
    </message>
    <message>
        <source>Could not ask: %1</source>
        <translation>Could not ask: %1</translation>
    </message>
    <message>
        <source>%1 says: paid (%2).</source>
        <translation>%1 says: paid (%2).</translation>
    </message>
    <message>
        <source>%1 says: not paid (%2).</source>
        <translation>%1 says: not paid (%2).</translation>
    </message>
    <message>
        <source>%1 says: still in progress (%2).</source>
        <translation>%1 says: still in progress (%2).</translation>
    </message>
    <message>
        <source>%1 gave no clear answer (%2); PayDesk keeps checking.</source>
        <translation>%1 gave no clear answer (%2); PayDesk keeps checking.</translation>
    </message>
    <message>
        <source>Revoke order %1?</source>
        <translation>Revoke order %1?</translation>
    </message>
    <message>
        <source>The payment of order %1 is cancelled at the channel. If the customer was already charged, the money goes back to them.</source>
        <translation>The payment of order %1 is cancelled at the channel. If the customer was already charged, the money goes back to them.</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Revoke</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Keep it</translation>
    </message>
    <message>
        <source>Revoke requested: %1</source>
        <translation>Revoke requested: %1</translation>
    </message>
    <message>
        <source>Not revoked: %1</source>
        <translation>Not revoked: %1</translation>
    </message>
    <message>
        <source>Refund… (F4)</source>
        <translation>Refund… (F4)</translation>
    </message>
    <message>
        <source>Receipt… (F6)</source>
        <translation>Receipt… (F6)</translation>
    </message>
    <message>
        <source>Revoke… (F8)</source>
        <translation>Revoke… (F8)</translation>
    </message>
</context>
<context>
    <name>paydesk::ui::OrdersCsvExport</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>Export cancelled; no file was written.</translation>
    </message>
    <message>
        <source>Writing the file failed: %1</source>
        <translation>Writing the file failed: %1</translation>
    </message>
    <message>
        <source>Saving the file failed: %1</source>
        <translation>Saving the file failed: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) exported.</source>
        <translation><numerusform>%n order exported.</numerusform><numerusform>%n orders exported.</numerusform></translation>
    </message>
</context>
<context>
    <name>paydesk::ui::OrdersScreen</name>
    <message numerus="yes">
        <source>%n order(s) loaded; scroll down for older ones.</source>
        <translation><numerusform>%n order loaded; scroll down for older ones.</numerusform><numerusform>%n orders loaded; scroll down for older ones.</numerusform></translation>
    </message>
    <message>
        <source>Search: order, payment, channel trade or refund no., or last 4 digits of the code</source>
        <translation>Search: order, payment, channel trade or refund no., or last 4 digits of the code</translation>
    </message>
    <message>
        <source>Any state</source>
        <translation>Any state</translation>
    </message>
    <message>
        <source>Any wallet</source>
        <translation>Any wallet</translation>
    </message>
    <message>
        <source>Any date</source>
        <translation>Any date</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <source>Export orders</source>
        <translation>Export orders</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <source>Writing orders to %1…</source>
        <translation>Writing orders to %1…</translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) written to %1…</source>
        <translation><numerusform>%n order written to %1…</numerusform><numerusform>%n orders written to %1…</numerusform></translation>
    </message>
    <message>
        <source>%1 Saved as %2.</source>
        <translation>%1 Saved as %2.</translation>
    </message>
    <message>
        <source>Export CSV… (Ctrl+E)</source>
        <translation>Export CSV… (Ctrl+E)</translation>
    </message>
</context>
<context>
    <name>paydesk::ui::OrdersTableModel</name>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Order no.</source>
        <translation>Order no.</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Refunded</translation>
    </message>
    <message>
        <source>Wallet</source>
        <translation>Wallet</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>paydesk::ui::PinGuard</name>
    <message numerus="yes">
        <source>%n s</source>
        <translation><numerusform>%n s</numerusform><numerusform>%n s</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation><numerusform>%n min</numerusform><numerusform>%n min</numerusform></translation>
    </message>
</context>
<context>
    <name>paydesk::ui::PostingsModel</name>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Debit</source>
        <translation>Debit</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation>Credit</translation>
    </message>
</context>
<context>
    <name>paydesk::ui::ProgressPanel</name>
    <message>
        <source>%1 (F8)</source>
        <translation>%1 (F8)</translation>
    </message>
    <message>
        <source>Receipt (F3)</source>
        <translation>Receipt (F3)</translation>
    </message>
    <message>
        <source>New sale (F2)</source>
        <translation>New sale (F2)</translation>
    </message>
</context>
<context>
    <name>paydesk::ui::QrScreen</name>
    <message>
        <source>Show this code to the customer; the outcome appears here.</source>
        <translation>Show this code to the customer; the outcome appears here.</translation>
    </message>
    <message>
        <source>The amount is not valid (%1). Type it like 12.50.</source>
        <translation>The amount is not valid (%1). Type it like 12.50.</translation>
    </message>
    <message>
        <source>A QR sale is in progress. Wait for its outcome or revoke it.</source>
        <translation>A QR sale is in progress. Wait for its outcome or revoke it.</translation>
    </message>
    <message>
        <source>The customer scanned the code (sandbox).</source>
        <translation>The customer scanned the code (sandbox).</translation>
    </message>
    <message>
        <source>The sandbox refused the scan: %1</source>
        <translation>The sandbox refused the scan: %1</translation>
    </message>
    <message>
        <source>Amount (¥)</source>
        <translation>Amount (¥)</translation>
    </message>
    <message>
        <source>Wallet</source>
        <translation>Wallet</translation>
    </message>
    <message>
        <source>Note / items (optional)</source>
        <translation>Note / items (optional)</translation>
    </message>
    <message>
        <source>Show QR code</source>
        <translation>Show QR code</translation>
    </message>
    <message>
        <source>Simulate customer scan</source>
        <translation>Simulate customer scan</translation>
    </message>
    <message>
        <source>The sandbox test code the simulated customer pays with</source>
        <translation>The sandbox test code the simulated customer pays with</translation>
    </message>
</context>
<context>
    <name>paydesk::ui::ReachabilityLights</name>
    <message>
        <source>%1 answers.</source>
        <translation>%1 answers.</translation>
    </message>
    <message>
        <source>%1 cannot be reached: %2</source>
        <translation>%1 cannot be reached: %2</translation>
    </message>
    <message>
        <source>%1: no call yet.</source>
        <translation>%1: no call yet.</translation>
    </message>
</context>
<context>
    <name>paydesk::ui::ReceiptDialog</name>
    <message>
        <source>Receipt</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Order %1 was not found.</source>
        <translation>Order %1 was not found.</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>Saved %1.</translation>
    </message>
    <message>
        <source>No printer is set up on this computer. Export a PDF instead, or add a printer and try again.</source>
        <translation>No printer is set up on this computer. Export a PDF instead, or add a printer and try again.</translation>
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation>Sent to the printer.</translation>
    </message>
    <message>
        <source>Export receipt as PDF</source>
        <translation>Export receipt as PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
</context>
<context>
    <name>paydesk::ui::ReconReportModel</name>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Ours</source>
        <translation>Ours</translation>
    </message>
    <message>
        <source>Bill</source>
        <translation>Bill</translation>
    </message>
    <message>
        <source>channel</source>
        <translation>channel</translation>
    </message>
    <message>
        <source>merchant</source>
        <translation>merchant</translation>
    </message>
    <message>
        <source>business date</source>
        <translation>business date</translation>
    </message>
    <message>
        <source>run by</source>
        <translation>run by</translation>
    </message>
    <message>
        <source>bill sha256</source>
        <translation>bill sha256</translation>
    </message>
    <message>
        <source>ours</source>
        <translation>ours</translation>
    </message>
    <message>
        <source>bill</source>
        <translation>bill</translation>
    </message>
    <message>
        <source>payments</source>
        <translation>payments</translation>
    </message>
    <message>
        <source>paid</source>
        <translation>paid</translation>
    </message>
    <message>
        <source>refunds and revokes</source>
        <translation>refunds and revokes</translation>
    </message>
    <message>
        <source>refunded</source>
        <translation>refunded</translation>
    </message>
    <message>
        <source>fees</source>
        <translation>fees</translation>
    </message>
    <message>
        <source>net</source>
        <translation>net</translation>
    </message>
    <message>
        <source>matched</source>
        <translation>matched</translation>
    </message>
    <message>
        <source>pending next day</source>
        <translation>pending next day</translation>
    </message>
    <message>
        <source>resolved from earlier days</source>
        <translation>resolved from earlier days</translation>
    </message>
    <message>
        <source>missing_locally</source>
        <translation>missing_locally</translation>
    </message>
    <message>
        <source>missing_at_channel</source>
        <translation>missing_at_channel</translation>
    </message>
    <message>
        <source>amount_mismatch</source>
        <translation>amount_mismatch</translation>
    </message>
    <message>
        <source>status_mismatch</source>
        <translation>status_mismatch</translation>
    </message>
    <message>
        <source>fee_mismatch</source>
        <translation>fee_mismatch</translation>
    </message>
    <message>
        <source>fund_long</source>
        <translation>fund_long</translation>
    </message>
    <message>
        <source>fund_short</source>
        <translation>fund_short</translation>
    </message>
    <message>
        <source>fund difference (+long/-short)</source>
        <translation>fund difference (+long/-short)</translation>
    </message>
</context>
<context>
    <name>paydesk::ui::ReconScreen</name>
    <message>
        <source>The channel's bill</source>
        <translation>The channel's bill</translation>
    </message>
    <message>
        <source>Bills (*.csv *.zip *.txt);;All files (*)</source>
        <translation>Bills (*.csv *.zip *.txt);;All files (*)</translation>
    </message>
    <message>
        <source>Downloading and reconciling the %1 bill of %2…</source>
        <translation>Downloading and reconciling the %1 bill of %2…</translation>
    </message>
    <message>
        <source>Reconciling %1…</source>
        <translation>Reconciling %1…</translation>
    </message>
    <message numerus="yes">
        <source>%1 %2 reconciled: %3 matched, %n difference(s).</source>
        <translation><numerusform>%1 %2 reconciled: %3 matched, %n difference.</numerusform><numerusform>%1 %2 reconciled: %3 matched, %n differences.</numerusform></translation>
    </message>
    <message>
        <source>The same bill as before: nothing changed.</source>
        <translation>The same bill as before: nothing changed.</translation>
    </message>
    <message>
        <source>no run to export yet: reconcile a day first</source>
        <translation>no run to export yet: reconcile a day first</translation>
    </message>
    <message>
        <source>Export the report</source>
        <translation>Export the report</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>Report written to %1</source>
        <translation>Report written to %1</translation>
    </message>
    <message>
        <source>Not exported: %1</source>
        <translation>Not exported: %1</translation>
    </message>
    <message>
        <source>Pick a difference in the list first.</source>
        <translation>Pick a difference in the list first.</translation>
    </message>
    <message>
        <source>Pick a difference to work on it.</source>
        <translation>Pick a difference to work on it.</translation>
    </message>
    <message>
        <source>No difference needs a person.</source>
        <translation>No difference needs a person.</translation>
    </message>
    <message>
        <source>No. %1: %2 of %3 %4</source>
        <translation>No. %1: %2 of %3 %4</translation>
    </message>
    <message>
        <source>order %1</source>
        <translation>order %1</translation>
    </message>
    <message>
        <source>state %1</source>
        <translation>state %1</translation>
    </message>
    <message>
        <source>owner %1</source>
        <translation>owner %1</translation>
    </message>
    <message>
        <source>the accounting team</source>
        <translation>the accounting team</translation>
    </message>
    <message>
        <source>proposed by %1</source>
        <translation>proposed by %1</translation>
    </message>
    <message>
        <source>decided by %1</source>
        <translation>decided by %1</translation>
    </message>
    <message>
        <source>note: %1</source>
        <translation>note: %1</translation>
    </message>
    <message>
        <source>found %1, last changed %2</source>
        <translation>found %1, last changed %2</translation>
    </message>
    <message>
        <source>Give the reason first: it stays with difference %1.</source>
        <translation>Give the reason first: it stays with difference %1.</translation>
    </message>
    <message>
        <source>Difference %1: %2</source>
        <translation>Difference %1: %2</translation>
    </message>
    <message>
        <source>Type who should work it (the owner) first.</source>
        <translation>Type who should work it (the owner) first.</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Day</translation>
    </message>
    <message>
        <source>Download the bill and reconcile</source>
        <translation>Download the bill and reconcile</translation>
    </message>
    <message>
        <source>Reconcile a bill file…</source>
        <translation>Reconcile a bill file…</translation>
    </message>
    <message>
        <source>Or drop the bill file (WeChat CSV, Alipay ZIP) on this screen.</source>
        <translation>Or drop the bill file (WeChat CSV, Alipay ZIP) on this screen.</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <source>Only differences that need a person</source>
        <translation>Only differences that need a person</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>owner</source>
        <translation>owner</translation>
    </message>
    <message>
        <source>Explain (resolve)</source>
        <translation>Explain (resolve)</translation>
    </message>
    <message>
        <source>Propose write-off</source>
        <translation>Propose write-off</translation>
    </message>
    <message>
        <source>Propose recovery</source>
        <translation>Propose recovery</translation>
    </message>
    <message>
        <source>Approve proposal</source>
        <translation>Approve proposal</translation>
    </message>
    <message>
        <source>Reject proposal</source>
        <translation>Reject proposal</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>Assign</translation>
    </message>
</context>
<context>
    <name>paydesk::ui::RefundDialog</name>
    <message>
        <source>Refund</source>
        <translation>Refund</translation>
    </message>
    <message>
        <source>Full amount</source>
        <translation>Full amount</translation>
    </message>
    <message>
        <source>Goods returned</source>
        <translation>Goods returned</translation>
    </message>
    <message>
        <source>Wrong amount charged</source>
        <translation>Wrong amount charged</translation>
    </message>
    <message>
        <source>Customer charged twice</source>
        <translation>Customer charged twice</translation>
    </message>
    <message>
        <source>Supervisor PIN</source>
        <translation>Supervisor PIN</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Amount to refund (¥)</source>
        <translation>Amount to refund (¥)</translation>
    </message>
    <message>
        <source>Reason (required)</source>
        <translation>Reason (required)</translation>
    </message>
    <message>
        <source>Order %1 was not found.</source>
        <translation>Order %1 was not found.</translation>
    </message>
    <message>
        <source>Order %1: %2 paid, %3 refunded, %4 can still be refunded (%5).</source>
        <translation>Order %1: %2 paid, %3 refunded, %4 can still be refunded (%5).</translation>
    </message>
    <message>
        <source>The amount is not valid (%1). Type it like 12.50.</source>
        <translation>The amount is not valid (%1). Type it like 12.50.</translation>
    </message>
    <message>
        <source>Give a reason for the refund: it is kept with the order.</source>
        <translation>Give a reason for the refund: it is kept with the order.</translation>
    </message>
    <message>
        <source>Sending the refund…</source>
        <translation>Sending the refund…</translation>
    </message>
    <message>
        <source>Refund %1 accepted. The money goes back to the customer's wallet; the order's timeline shows when it arrives.</source>
        <translation>Refund %1 accepted. The money goes back to the customer's wallet; the order's timeline shows when it arrives.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Not refunded: %1. Correct it and press Refund again.</source>
        <translation>Not refunded: %1. Correct it and press Refund again.</translation>
    </message>
    <message numerus="yes">
        <source>The supervisor PIN is wrong. Nothing was refunded; ask the supervisor to enter it (%n try(ies) left before refunds are locked).</source>
        <translation><numerusform>The supervisor PIN is wrong. Nothing was refunded; ask the supervisor to enter it (%n try left before refunds are locked).</numerusform><numerusform>The supervisor PIN is wrong. Nothing was refunded; ask the supervisor to enter it (%n tries left before refunds are locked).</numerusform></translation>
    </message>
    <message>
        <source>Too many wrong PINs: refunds are locked for %1. Nothing was refunded; the supervisor has been alerted.</source>
        <translation>Too many wrong PINs: refunds are locked for %1. Nothing was refunded; the supervisor has been alerted.</translation>
    </message>
    <message>
        <source>Supervisor approves</source>
        <translation>Supervisor approves</translation>
    </message>
    <message>
        <source>supervisor's user name</source>
        <translation>supervisor's user name</translation>
    </message>
    <message>
        <source>password</source>
        <translation>password</translation>
    </message>
    <message>
        <source>Not refunded: %1. A supervisor may approve it here: their name and password, then Refund again.</source>
        <translation>Not refunded: %1. A supervisor may approve it here: their name and password, then Refund again.</translation>
    </message>
</context>
<context>
    <name>paydesk::ui::RefundsModel</name>
    <message>
        <source>sent</source>
        <translation>sent</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>in progress</translation>
    </message>
    <message>
        <source>refunded</source>
        <translation>refunded</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <source>Refund no.</source>
        <translation>Refund no.</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>paydesk::ui::SaleSession</name>
    <message>
        <source>Revoke requested: the payment is being cancelled.</source>
        <translation>Revoke requested: the payment is being cancelled.</translation>
    </message>
    <message>
        <source>Not revoked: %1</source>
        <translation>Not revoked: %1</translation>
    </message>
</context>
<context>
    <name>paydesk::ui::SerialScanner</name>
    <message>
        <source>The serial scanner on %1 could not be opened (%2). Check the cable and the port in Settings; the keyboard scanner and typing still work.</source>
        <translation>The serial scanner on %1 could not be opened (%2). Check the cable and the port in Settings; the keyboard scanner and typing still work.</translation>
    </message>
</context>
<context>
    <name>paydesk::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>default location</source>
        <translation>default location</translation>
    </message>
    <message>
        <source>High contrast, large type</source>
        <translation>High contrast, large type</translation>
    </message>
    <message>
        <source>Store name</source>
        <translation>Store name</translation>
    </message>
    <message>
        <source>Counter name</source>
        <translation>Counter name</translation>
    </message>
    <message>
        <source>Data directory (after restart)</source>
        <translation>Data directory (after restart)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Counter mode</source>
        <translation>Counter mode</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>Counter</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>default camera</source>
        <translation>default camera</translation>
    </message>
    <message>
        <source>Prefix the scanner adds</source>
        <translation>Prefix the scanner adds</translation>
    </message>
    <message>
        <source>Suffix the scanner adds</source>
        <translation>Suffix the scanner adds</translation>
    </message>
    <message>
        <source>Longest gap between scanner keys</source>
        <translation>Longest gap between scanner keys</translation>
    </message>
    <message>
        <source>Shortest code</source>
        <translation>Shortest code</translation>
    </message>
    <message>
        <source>Serial scanner port</source>
        <translation>Serial scanner port</translation>
    </message>
    <message>
        <source>Serial speed (baud)</source>
        <translation>Serial speed (baud)</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <source>Scanner</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <source>default printer</source>
        <translation>default printer</translation>
    </message>
    <message>
        <source>Receipt printer</source>
        <translation>Receipt printer</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Printer</translation>
    </message>
    <message>
        <source>No PIN: any cashier may refund</source>
        <translation>No PIN: any cashier may refund</translation>
    </message>
    <message>
        <source>Refunds need the supervisor PIN. Enter a new one to change it.</source>
        <translation>Refunds need the supervisor PIN. Enter a new one to change it.</translation>
    </message>
    <message>
        <source>Refunds need no PIN. Set one so that only a supervisor can refund.</source>
        <translation>Refunds need no PIN. Set one so that only a supervisor can refund.</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>New PIN</translation>
    </message>
    <message>
        <source>New PIN again</source>
        <translation>New PIN again</translation>
    </message>
    <message>
        <source>Supervisor PIN</source>
        <translation>Supervisor PIN</translation>
    </message>
    <message>
        <source>The two PINs differ. Type the new PIN twice, the same.</source>
        <translation>The two PINs differ. Type the new PIN twice, the same.</translation>
    </message>
    <message>
        <source>The PIN is too short: use at least 4 digits.</source>
        <translation>The PIN is too short: use at least 4 digits.</translation>
    </message>
    <message>
        <source>Current PIN (to change or remove it)</source>
        <translation>Current PIN (to change or remove it)</translation>
    </message>
    <message numerus="yes">
        <source>The current PIN is wrong: nothing was saved (%n try(ies) left before the PIN is locked).</source>
        <translation><numerusform>The current PIN is wrong: nothing was saved (%n try left before the PIN is locked).</numerusform><numerusform>The current PIN is wrong: nothing was saved (%n tries left before the PIN is locked).</numerusform></translation>
    </message>
    <message>
        <source>Too many wrong PINs: the PIN is locked for %1. Nothing was saved; the supervisor has been alerted.</source>
        <translation>Too many wrong PINs: the PIN is locked for %1. Nothing was saved; the supervisor has been alerted.</translation>
    </message>
    <message>
        <source>A short sound when a sale is paid, fails or needs attention</source>
        <translation>A short sound when a sale is paid, fails or needs attention</translation>
    </message>
    <message>
        <source>Sounds</source>
        <translation>Sounds</translation>
    </message>
</context>
<context>
    <name>paydesk::ui::SettlementsModel</name>
    <message>
        <source>Day</source>
        <translation>Day</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Payments</translation>
    </message>
    <message>
        <source>Refunds and reversals</source>
        <translation>Refunds and reversals</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Net</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>Fees</translation>
    </message>
    <message>
        <source>To available</source>
        <translation>To available</translation>
    </message>
    <message>
        <source>Run by</source>
        <translation>Run by</translation>
    </message>
    <message>
        <source>Run at</source>
        <translation>Run at</translation>
    </message>
</context>
<context>
    <name>paydesk::ui::ShiftCloseDialog</name>
    <message>
        <source>Close the shift (交班)</source>
        <translation>Close the shift (交班)</translation>
    </message>
    <message>
        <source>Close this counter's shift now? Its sales, refunds and revokes since the last close are added up by wallet and kept; orders still open pass to the next shift.</source>
        <translation>Close this counter's shift now? Its sales, refunds and revokes since the last close are added up by wallet and kept; orders still open pass to the next shift.</translation>
    </message>
    <message>
        <source>Close the shift</source>
        <translation>Close the shift</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <source>Next person logs in</source>
        <translation>Next person logs in</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Shift %1 is closed and kept. Counter %2, closed by %3.</source>
        <translation>Shift %1 is closed and kept. Counter %2, closed by %3.</translation>
    </message>
    <message>
        <source>No order is left open.</source>
        <translation>No order is left open.</translation>
    </message>
    <message>
        <source>Left open for the next shift: %1</source>
        <translation>Left open for the next shift: %1</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Save the shift slip</source>
        <translation>Save the shift slip</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Slip saved to %1</source>
        <translation>Slip saved to %1</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Not saved: %1</translation>
    </message>
</context>
<context>
    <name>paydesk::ui::ShiftLogin</name>
    <message>
        <source>Shift change: the next person logs in. Until then %1 stays logged in.</source>
        <translation>Shift change: the next person logs in. Until then %1 stays logged in.</translation>
    </message>
    <message>
        <source>Logged in: %1</source>
        <translation>Logged in: %1</translation>
    </message>
    <message>
        <source>nobody logs in at this counter</source>
        <translation>nobody logs in at this counter</translation>
    </message>
    <message>
        <source>%1 is not a supervisor</source>
        <translation>%1 is not a supervisor</translation>
    </message>
</context>
<context>
    <name>paydesk::ui::ShiftReportModel</name>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Wallet</source>
        <translation>Wallet</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Sales</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Taken</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>Refunds</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Refunded</translation>
    </message>
    <message>
        <source>Revokes</source>
        <translation>Revokes</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Revoked</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Net</translation>
    </message>
    <message>
        <source>the counter's first sale</source>
        <translation>the counter's first sale</translation>
    </message>
    <message>
        <source>Shift close %1 (交班)</source>
        <translation>Shift close %1 (交班)</translation>
    </message>
    <message>
        <source>Counter %1, closed by %2</source>
        <translation>Counter %1, closed by %2</translation>
    </message>
    <message>
        <source>From %1</source>
        <translation>From %1</translation>
    </message>
    <message>
        <source>To %1</source>
        <translation>To %1</translation>
    </message>
    <message>
        <source>No order is left open.</source>
        <translation>No order is left open.</translation>
    </message>
    <message>
        <source>Left open for the next shift: %1</source>
        <translation>Left open for the next shift: %1</translation>
    </message>
</context>
<context>
    <name>paydesk::ui::TimelineModel</name>
    <message>
        <source>raw (masked)</source>
        <translation>raw (masked)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>State change</source>
        <translation>State change</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
</context>
<context>
    <name>paydesk::ui::WalletFiguresModel</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>All wallets</source>
        <translation>All wallets</translation>
    </message>
    <message>
        <source>Wallet</source>
        <translation>Wallet</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Sales</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Taken</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Refunded</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Revoked</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Net</translation>
    </message>
    <message>
        <source>Success rate</source>
        <translation>Success rate</translation>
    </message>
    <message>
        <source>Median time to paid</source>
        <translation>Median time to paid</translation>
    </message>
    <message>
        <source>Not paid</source>
        <translation>Not paid</translation>
    </message>
    <message>
        <source>Still paying</source>
        <translation>Still paying</translation>
    </message>
</context>
<context>
    <name>paydesk::ui::WalletOpsModel</name>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Movement</source>
        <translation>Movement</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Reference</translation>
    </message>
    <message>
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>paydesk::ui::WalletPage</name>
    <message>
        <source>%1: balance %2; topped up %3, refunds in %4, spent %5, withdrawn %6, held for withdrawals %7</source>
        <translation>%1: balance %2; topped up %3, refunds in %4, spent %5, withdrawn %6, held for withdrawals %7</translation>
    </message>
    <message>
        <source>Type the member's number first.</source>
        <translation>Type the member's number first.</translation>
    </message>
    <message>
        <source>The amount must be above zero.</source>
        <translation>The amount must be above zero.</translation>
    </message>
    <message numerus="yes">
        <source>Withdrawals: at most %n a day per member and %1 a day in all; a second person approves each.</source>
        <translation><numerusform>Withdrawals: at most %n a day per member and %1 a day in all; a second person approves each.</numerusform><numerusform>Withdrawals: at most %n a day per member and %1 a day in all; a second person approves each.</numerusform></translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Cash top-up</source>
        <translation>Cash top-up</translation>
    </message>
    <message>
        <source>Top up</source>
        <translation>Top up</translation>
    </message>
    <message>
        <source>Withdrawal</source>
        <translation>Withdrawal</translation>
    </message>
    <message>
        <source>note</source>
        <translation>note</translation>
    </message>
    <message>
        <source>Request withdrawal</source>
        <translation>Request withdrawal</translation>
    </message>
</context>
</TS>
