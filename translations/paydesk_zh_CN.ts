<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AlertTexts</name>
    <message>
        <source>An unusually large amount was charged: check the sale with the customer.</source>
        <translation>收款金额异常偏大：请与顾客核对这笔交易。</translation>
    </message>
    <message>
        <source>The channel does not know this payment yet; PayDesk keeps asking. Open the order to follow it.</source>
        <translation>渠道暂未查到这笔支付，PayDesk 会继续查询。请打开订单跟进。</translation>
    </message>
    <message>
        <source>A payment is still not final after its deadline and is being revoked. Do not charge the customer again until it ends.</source>
        <translation>支付超过时限仍无最终结果，正在撤销。结果出来之前请勿再次向顾客收款。</translation>
    </message>
    <message>
        <source>A payment's channel is not configured on this counter: check the channel settings.</source>
        <translation>本收银台未配置这笔支付的渠道：请检查渠道设置。</translation>
    </message>
    <message>
        <source>A revoke failed after every retry: the customer's money may have been taken. Call the channel and check the order.</source>
        <translation>撤销在多次重试后仍失败：顾客可能已被扣款。请联系渠道并核查订单。</translation>
    </message>
    <message>
        <source>A refund is still not final: check it with the channel before refunding again.</source>
        <translation>退款仍无最终结果：再次退款之前请先向渠道核实。</translation>
    </message>
    <message>
        <source>A payment notification named an order PayDesk does not know; nothing was changed.</source>
        <translation>收到的支付通知指向系统中不存在的订单，未做任何更改。</translation>
    </message>
    <message>
        <source>A payment notification came from another channel than the payment's and was not applied. Check the order.</source>
        <translation>支付通知来自与该笔支付不同的渠道，未予处理。请核查订单。</translation>
    </message>
    <message>
        <source>A payment notification carried another amount than the order's and was not applied. Check the order.</source>
        <translation>支付通知中的金额与订单不符，未予处理。请核查订单。</translation>
    </message>
    <message>
        <source>The channel reported a result that contradicts the one recorded; the first one stays. Check the order with the channel.</source>
        <translation>渠道返回的结果与已记录的结果矛盾，以先记录的为准。请向渠道核查订单。</translation>
    </message>
    <message>
        <source>Calls to a payment channel keep failing: check the network and the channel's status.</source>
        <translation>连接支付渠道多次失败：请检查网络和渠道状态。</translation>
    </message>
    <message>
        <source>A channel's notification was refused (signature or merchant do not match); results now come by polling. Check the channel settings.</source>
        <translation>渠道通知被拒收（签名或商户不符），结果改由主动查询获得。请检查渠道设置。</translation>
    </message>
    <message>
        <source>A payment could not be recorded in the ledger: tell the accounting staff.</source>
        <translation>一笔支付未能记入账簿：请通知财务人员。</translation>
    </message>
    <message>
        <source>The ledger refused an unbalanced entry (a program error): tell support.</source>
        <translation>账簿拒绝了一笔借贷不平的分录（程序错误）：请联系技术支持。</translation>
    </message>
    <message>
        <source>Payments made before the ledger existed are now recorded in it; nothing is due. For the accounting staff.</source>
        <translation>账簿启用之前的支付已补记入账，这些款项无需再结算或提现。供财务人员知悉。</translation>
    </message>
    <message>
        <source>Reconciliation found a difference with the channel's bill: the accounting staff should look at it.</source>
        <translation>对账发现与渠道账单不符：请财务人员处理。</translation>
    </message>
    <message>
        <source>A payment arrived for an order already paid or closed; it is being returned automatically.</source>
        <translation>已支付或已关闭的订单又收到一笔付款，正在自动退回。</translation>
    </message>
    <message>
        <source>Refunds were locked at a counter after too many wrong supervisor PINs: find out who tried.</source>
        <translation>某收银台因主管密码多次输错，退款已被锁定：请查明是谁在尝试。</translation>
    </message>
</context>
<context>
    <name>AmountField</name>
    <message>
        <source>The amount is not valid: %1</source>
        <translation>金额无效：%1</translation>
    </message>
</context>
<context>
    <name>AppMessages</name>
    <message>
        <source>The core could not start: %1
Check the data directory and the configuration, then start PayDesk again.</source>
        <translation>核心无法启动：%1
请检查数据目录和配置，然后重新启动 PayDesk。</translation>
    </message>
    <message>
        <source>Storage failed: %1
No command is taken any more. Restart PayDesk; it recovers from disk.</source>
        <translation>存储失败：%1
不再接受任何操作。请重新启动 PayDesk，它会从磁盘恢复。</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>System language</source>
        <translation>跟随系统语言</translation>
    </message>
</context>
<context>
    <name>ReceiptDocument</name>
    <message>
        <source>PayDesk store</source>
        <translation>PayDesk 门店</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Order no.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Paid with</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <source>Payment code</source>
        <translation>付款码</translation>
    </message>
    <message>
        <source>Transaction no.</source>
        <translation>交易号</translation>
    </message>
    <message>
        <source>Refund %1</source>
        <translation>退款 %1</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Thank you. Keep this receipt for refunds.</source>
        <translation>谢谢惠顾。退款时请出示本小票。</translation>
    </message>
    <message>
        <source>The PDF could not be written to %1. Choose another folder.</source>
        <translation>无法将 PDF 写入 %1。请选择其他文件夹。</translation>
    </message>
    <message>
        <source>SANDBOX / 测试环境 — not a real payment</source>
        <translation>SANDBOX / 测试环境 — 非真实支付</translation>
    </message>
</context>
<context>
    <name>SaleText</name>
    <message>
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <source>UnionPay</source>
        <translation>银联</translation>
    </message>
    <message>
        <source>unknown wallet</source>
        <translation>未知钱包</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>paid</source>
        <translation>已支付</translation>
    </message>
    <message>
        <source>not paid</source>
        <translation>未支付</translation>
    </message>
    <message>
        <source>needs attention</source>
        <translation>需人工处理</translation>
    </message>
    <message>
        <source>partly refunded</source>
        <translation>部分退款</translation>
    </message>
    <message>
        <source>refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>%1 s left before it is revoked automatically</source>
        <translation>还剩 %1 秒，届时将自动撤销</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>Enter the amount, then scan the customer's payment code.</source>
        <translation>请输入金额，然后扫描顾客的付款码。</translation>
    </message>
    <message>
        <source>Starting %1…</source>
        <translation>正在发起 %1…</translation>
    </message>
    <message>
        <source>Wait a moment.</source>
        <translation>请稍候。</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>未发起</translation>
    </message>
    <message>
        <source>Nothing was charged. Scan the customer's payment code again.</source>
        <translation>未扣款。请重新扫描顾客的付款码。</translation>
    </message>
    <message>
        <source>Nothing was charged. Check the amount and try again.</source>
        <translation>未扣款。请检查金额后重试。</translation>
    </message>
    <message>
        <source>Nothing was charged. Restart PayDesk, then charge again.</source>
        <translation>未扣款。请重新启动 PayDesk 后再收款。</translation>
    </message>
    <message>
        <source>Nothing was charged. This wallet is not set up: ask for another one.</source>
        <translation>未扣款。此钱包未开通：请顾客换一种支付方式。</translation>
    </message>
    <message>
        <source>Nothing was charged. Read the message, then try again.</source>
        <translation>未扣款。请阅读提示信息后重试。</translation>
    </message>
    <message>
        <source>Revoking…</source>
        <translation>正在撤销…</translation>
    </message>
    <message>
        <source>Revoke attempt %1 at %2.</source>
        <translation>第 %1 次向%2撤销。</translation>
    </message>
    <message>
        <source>The revoke is being sent to %1.</source>
        <translation>正在向%1发送撤销请求。</translation>
    </message>
    <message>
        <source>Wait: the payment is being cancelled. Do not charge again yet.</source>
        <translation>请等待：正在撤销本次支付。暂时不要重新收款。</translation>
    </message>
    <message>
        <source>Sent to %1…</source>
        <translation>已发送至%1…</translation>
    </message>
    <message>
        <source>%1 is being charged.</source>
        <translation>正在收取 %1。</translation>
    </message>
    <message>
        <source>Wait for the answer.</source>
        <translation>请等待结果。</translation>
    </message>
    <message>
        <source>Waiting for the customer to scan</source>
        <translation>等待顾客扫码</translation>
    </message>
    <message numerus="yes">
        <source>Checked with %1 %n time(s).</source>
        <translation>
            <numerusform>已向%1查询 %n 次。</numerusform>
        </translation>
    </message>
    <message>
        <source>The code is valid until the countdown ends.</source>
        <translation>倒计时结束前二维码有效。</translation>
    </message>
    <message>
        <source>Ask the customer to scan the code with %1.</source>
        <translation>请顾客用%1扫描二维码。</translation>
    </message>
    <message>
        <source>Waiting for the customer's password</source>
        <translation>等待顾客输入密码</translation>
    </message>
    <message>
        <source>%1 asked the customer to confirm.</source>
        <translation>%1已要求顾客确认支付。</translation>
    </message>
    <message>
        <source>Ask the customer to confirm the payment on the phone.</source>
        <translation>请顾客在手机上确认支付。</translation>
    </message>
    <message>
        <source>Checking with %1 (attempt %2)</source>
        <translation>正在向%1查询（第 %2 次）</translation>
    </message>
    <message>
        <source>No clear answer yet from %1</source>
        <translation>%1尚未给出明确结果</translation>
    </message>
    <message>
        <source>The outcome is not known yet; the payment is checked automatically.</source>
        <translation>结果暂未确定；系统会自动查询。</translation>
    </message>
    <message>
        <source>Wait. Do not charge again: the customer may already have paid.</source>
        <translation>请等待。不要重新收款：顾客可能已经付款。</translation>
    </message>
    <message>
        <source>Revoke: return the money to the customer</source>
        <translation>撤销：将钱退还顾客</translation>
    </message>
    <message>
        <source>Revoke: cancel the payment (returned if already paid)</source>
        <translation>撤销：取消本次支付（如已付款则退回）</translation>
    </message>
    <message>
        <source>Paid %1</source>
        <translation>已收款 %1</translation>
    </message>
    <message>
        <source>Paid with %1. Order %2.</source>
        <translation>通过%1支付。订单 %2。</translation>
    </message>
    <message>
        <source>Hand over the receipt, then press New sale.</source>
        <translation>请交付小票，然后按“新交易”。</translation>
    </message>
    <message>
        <source>Money returned</source>
        <translation>款项已退回</translation>
    </message>
    <message>
        <source>The payment was revoked after it went through: %1 went back to the customer.</source>
        <translation>支付成功后被撤销：%1 已退回顾客。</translation>
    </message>
    <message>
        <source>%1 was refunded to the customer.</source>
        <translation>%1 已退款给顾客。</translation>
    </message>
    <message>
        <source>Nothing is kept for this sale. Charge again if the customer still buys.</source>
        <translation>本笔交易未保留任何款项。如顾客仍要购买，请重新收款。</translation>
    </message>
    <message>
        <source>Revoked: not paid</source>
        <translation>已撤销：未付款</translation>
    </message>
    <message>
        <source>The payment was cancelled before any money was taken.</source>
        <translation>支付在扣款前已被取消。</translation>
    </message>
    <message>
        <source>Ask the customer to pay again, or start a new sale.</source>
        <translation>请顾客重新支付，或开始新交易。</translation>
    </message>
    <message>
        <source>Not paid</source>
        <translation>未支付</translation>
    </message>
    <message>
        <source>The customer's balance is not enough.</source>
        <translation>顾客余额不足。</translation>
    </message>
    <message>
        <source>The payment code has expired.</source>
        <translation>付款码已过期。</translation>
    </message>
    <message>
        <source>The channel refused the payment.</source>
        <translation>支付渠道拒绝了本次支付。</translation>
    </message>
    <message>
        <source>Nothing was taken. Ask for a new payment code or another way to pay.</source>
        <translation>未扣款。请顾客刷新付款码或换一种支付方式。</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>需人工处理</translation>
    </message>
    <message>
        <source>The payment could not be cancelled, so whether money was taken is unknown.</source>
        <translation>无法撤销本次支付，因此无法确定是否已扣款。</translation>
    </message>
    <message>
        <source>Do not charge again. Call a supervisor with order %1; support checks it with the channel.</source>
        <translation>不要重新收款。请联系主管并提供订单号 %1；客服会向渠道核实。</translation>
    </message>
    <message>
        <source>Nothing was charged. The payment service is down: try again in a moment, or take another way to pay.</source>
        <translation>未扣款。支付服务暂时无法连接：请稍后再试，或换一种付款方式。</translation>
    </message>
    <message>
        <source>The payment service could not be reached, so nothing was sent and nothing was charged.</source>
        <translation>无法连接支付服务，请求未发出，未扣款。</translation>
    </message>
    <message>
        <source>Nothing was charged. The PayDesk server cannot be reached: check the network, then charge again.</source>
        <translation>未扣款。无法连接 PayDesk 服务器：请检查网络后再收款。</translation>
    </message>
    <message>
        <source>Waiting for the PayDesk server…</source>
        <translation>正在等待 PayDesk 服务器…</translation>
    </message>
    <message>
        <source>The link to the server dropped during this sale. The server keeps the sale's outcome; it shows here as soon as the link is back.</source>
        <translation>本笔交易进行中与服务器的连接中断。交易结果由服务器保存，连接恢复后会立即显示在这里。</translation>
    </message>
    <message>
        <source>Do not charge this sale again. Wait, or check the network.</source>
        <translation>请勿对本笔交易重复收款。请等待，或检查网络。</translation>
    </message>
    <message>
        <source>Nothing was charged. Your role may not do this: ask a supervisor.</source>
        <translation>未扣款。您的角色无权进行此操作：请找主管。</translation>
    </message>
    <message>
        <source>Nothing was charged. Log in again: File → Switch user.</source>
        <translation>未扣款。请重新登录：文件 → 切换用户。</translation>
    </message>
</context>
<context>
    <name>TimelineTexts</name>
    <message>
        <source>created</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>state change</source>
        <translation>状态变化</translation>
    </message>
    <message>
        <source>channel call</source>
        <translation>渠道调用</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <source>conflicting result</source>
        <translation>结果矛盾</translation>
    </message>
    <message>
        <source>duplicate payment</source>
        <translation>重复支付</translation>
    </message>
    <message>
        <source>alert</source>
        <translation>告警</translation>
    </message>
    <message>
        <source>deadline passed</source>
        <translation>已过时限</translation>
    </message>
    <message>
        <source>sent to another acquirer</source>
        <translation>改由其他收单机构处理</translation>
    </message>
    <message>
        <source>picked up after a restart</source>
        <translation>重启后继续处理</translation>
    </message>
    <message>
        <source>refund requested</source>
        <translation>已申请退款</translation>
    </message>
    <message>
        <source>revoke requested</source>
        <translation>已申请撤销</translation>
    </message>
    <message>
        <source>posted to the ledger</source>
        <translation>已记账</translation>
    </message>
    <message>
        <source>ledger posting failed</source>
        <translation>记账失败</translation>
    </message>
    <message>
        <source>reconciliation</source>
        <translation>对账</translation>
    </message>
    <message>
        <source>PayDesk</source>
        <translation>PayDesk</translation>
    </message>
    <message>
        <source>counter</source>
        <translation>收银台</translation>
    </message>
    <message>
        <source>ledger</source>
        <translation>账簿</translation>
    </message>
    <message>
        <source>PayDesk (scheduled check)</source>
        <translation>PayDesk（定时查询）</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>待支付</translation>
    </message>
    <message>
        <source>processing</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>requested</source>
        <translation>已申请</translation>
    </message>
    <message>
        <source>retrying</source>
        <translation>重试中</translation>
    </message>
    <message>
        <source>paid</source>
        <translation>已支付</translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>reversed</source>
        <translation>已冲正</translation>
    </message>
    <message>
        <source>needs attention</source>
        <translation>需人工处理</translation>
    </message>
    <message>
        <source>left to a person</source>
        <translation>转人工处理</translation>
    </message>
    <message>
        <source>partly refunded</source>
        <translation>部分退款</translation>
    </message>
    <message>
        <source>refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>watch</source>
        <translation>关注</translation>
    </message>
    <message>
        <source>urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <source>channel %1</source>
        <translation>渠道 %1</translation>
    </message>
    <message>
        <source>notification from %1</source>
        <translation>来自 %1 的通知</translation>
    </message>
    <message>
        <source>sale of %1 created (request %2)</source>
        <translation>创建 %1 的交易（请求号 %2）</translation>
    </message>
    <message>
        <source>QR sale of %1 created (request %2)</source>
        <translation>创建 %1 的扫码收款（请求号 %2）</translation>
    </message>
    <message>
        <source>payment by %1 code %2 via %3, revoke deadline in %4 s</source>
        <translation>%1付款码 %2 经 %3 支付，%4 秒后未完成将撤销</translation>
    </message>
    <message>
        <source>refund of %1 requested: %2</source>
        <translation>申请退款 %1：%2</translation>
    </message>
    <message>
        <source>revoke of payment %1 requested: %2</source>
        <translation>申请撤销支付 %1：%2</translation>
    </message>
    <message>
        <source>deadline passed: asking %1 once more before revoking</source>
        <translation>已过时限：撤销前再向 %1 查询一次</translation>
    </message>
    <message>
        <source>cancelled with no payment in flight</source>
        <translation>已取消，没有进行中的支付</translation>
    </message>
    <message>
        <source>the payment service could not be reached; nothing was charged (%1)</source>
        <translation>无法连接支付服务，未扣款（%1）</translation>
    </message>
    <message>
        <source>the payment service could not be reached; no QR code was issued (%1)</source>
        <translation>无法连接支付服务，未生成收款码（%1）</translation>
    </message>
    <message>
        <source>QR code issued; waiting for the customer to scan</source>
        <translation>收款码已生成，等待顾客扫码</translation>
    </message>
    <message>
        <source>QR code refused: %1</source>
        <translation>收款码被拒绝：%1</translation>
    </message>
    <message>
        <source>QR request outcome unknown</source>
        <translation>收款码请求结果未知</translation>
    </message>
    <message>
        <source>paid (%1)</source>
        <translation>已支付（%1）</translation>
    </message>
    <message>
        <source>failed: %1 (%2)</source>
        <translation>失败：%1（%2）</translation>
    </message>
    <message>
        <source>no answer in time: outcome unknown, will query</source>
        <translation>未及时应答：结果未知，将查询</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>paid %1 by %2</source>
        <translation>已通过%2收款 %1</translation>
    </message>
    <message>
        <source>not paid: %1</source>
        <translation>未支付：%1</translation>
    </message>
    <message>
        <source>the channel returned the money</source>
        <translation>渠道已退回款项</translation>
    </message>
    <message>
        <source>the channel closed the unpaid trade</source>
        <translation>渠道已关闭未支付的交易</translation>
    </message>
    <message>
        <source>revoked after it was paid: money returned</source>
        <translation>支付后被撤销：款项已退回</translation>
    </message>
    <message>
        <source>revoked before it was paid</source>
        <translation>支付前已撤销</translation>
    </message>
    <message>
        <source>the payment was revoked and returned</source>
        <translation>支付已撤销并退回</translation>
    </message>
    <message>
        <source>retrying: %1</source>
        <translation>重试中：%1</translation>
    </message>
    <message>
        <source>revoke failed: a person must check this payment</source>
        <translation>撤销失败：需人工核查这笔支付</translation>
    </message>
    <message>
        <source>money returned to the customer</source>
        <translation>款项已退还顾客</translation>
    </message>
    <message>
        <source>refund refused: %1 (%2)</source>
        <translation>退款被拒绝：%1（%2）</translation>
    </message>
    <message>
        <source>refunded %1 of %2</source>
        <translation>已退款 %1（共 %2）</translation>
    </message>
    <message>
        <source>refund outcome not known yet (%1)</source>
        <translation>退款结果暂未确定（%1）</translation>
    </message>
    <message>
        <source>resumed after restart in state %1: asking the channel</source>
        <translation>重启后继续处理（状态：%1）：正在向渠道查询</translation>
    </message>
    <message>
        <source>revoke resumed after restart</source>
        <translation>重启后继续撤销</translation>
    </message>
    <message>
        <source>refund resumed after restart</source>
        <translation>重启后继续退款</translation>
    </message>
    <message>
        <source>alert (%1): %2</source>
        <translation>告警（%1）：%2</translation>
    </message>
    <message>
        <source>pay</source>
        <translation>支付</translation>
    </message>
    <message>
        <source>late answer to pay</source>
        <translation>支付的迟到应答</translation>
    </message>
    <message>
        <source>query</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>late answer to query</source>
        <translation>查询的迟到应答</translation>
    </message>
    <message>
        <source>revoke</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>late answer to revoke</source>
        <translation>撤销的迟到应答</translation>
    </message>
    <message>
        <source>refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>late answer to refund</source>
        <translation>退款的迟到应答</translation>
    </message>
    <message>
        <source>refund query</source>
        <translation>退款查询</translation>
    </message>
    <message>
        <source>notification</source>
        <translation>通知</translation>
    </message>
    <message>
        <source>QR code request</source>
        <translation>收款码请求</translation>
    </message>
    <message>
        <source>not paid</source>
        <translation>未支付</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>no clear answer</source>
        <translation>无明确结果</translation>
    </message>
    <message>
        <source>recorded in the ledger: %1</source>
        <translation>已记账：%1</translation>
    </message>
    <message>
        <source>could not be recorded in the ledger: %1</source>
        <translation>未能记账：%1</translation>
    </message>
    <message>
        <source>%1 refused payment %2 (%3): the code goes to %4 as payment %5</source>
        <translation>%1 拒绝了支付 %2（%3）：付款码改由 %4 处理，支付号 %5</translation>
    </message>
    <message>
        <source>%1 could not be reached for payment %2 (%3): the code goes to %4 as payment %5</source>
        <translation>支付 %2 无法连接 %1（%3）：付款码改由 %4 处理，支付号 %5</translation>
    </message>
    <message>
        <source>%1 has no such refund (its request was lost): sent again under the same number</source>
        <translation>%1 没有这笔退款（请求在途中丢失）：已用同一退款号重新发送</translation>
    </message>
    <message>
        <source>taken over from %1, whose lease ran out</source>
        <translation>接管自 %1（其工作租约已到期）</translation>
    </message>
    <message>
        <source>notified %1: asking the channel before believing it</source>
        <translation>通知称 %1：先向渠道查询确认，再采信</translation>
    </message>
</context>
<context>
    <name>paydesk::ui</name>
    <message>
        <source>%1 (attempt %2)</source>
        <translation>%1（第 %2 次）</translation>
    </message>
    <message>
        <source>no answer before the timeout</source>
        <translation>超时未应答</translation>
    </message>
    <message>
        <source>[trade not found yet]</source>
        <translation>【暂未查到交易】</translation>
    </message>
    <message>
        <source>[the channel asks to retry]</source>
        <translation>【渠道要求重试】</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>alert (%1): %2</source>
        <translation>告警（%1）：%2</translation>
    </message>
</context>
<context>
    <name>paydesk::ui::ActorField</name>
    <message>
        <source>Type your name first: every step here is recorded in a person's name.</source>
        <translation>请先输入您的姓名：这里的每一步都以具体人员的名义记录。</translation>
    </message>
    <message>
        <source>Your name (nobody logs in here)</source>
        <translation>您的姓名（此处无需登录）</translation>
    </message>
</context>
<context>
    <name>paydesk::ui::AlertsScreen</name>
    <message>
        <source>Pick an alert to see what it says.</source>
        <translation>选择一条告警查看详情。</translation>
    </message>
    <message>
        <source>No alert to show.</source>
        <translation>没有可显示的告警。</translation>
    </message>
    <message>
        <source>Raised %1.</source>
        <translation>发生于 %1。</translation>
    </message>
    <message>
        <source>Acknowledged by %1 at %2.</source>
        <translation>由 %1 于 %2 确认。</translation>
    </message>
    <message>
        <source>Pick an alert in the list first.</source>
        <translation>请先在列表中选择一条告警。</translation>
    </message>
    <message>
        <source>Alert %1 acknowledged.</source>
        <translation>告警 %1 已确认。</translation>
    </message>
    <message>
        <source>Only open alerts</source>
        <translation>只显示未处理的告警</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>any</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>page: act now</source>
        <translation>紧急：立即处理</translation>
    </message>
    <message>
        <source>watch: look today</source>
        <translation>关注：今天查看</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Open order</source>
        <translation>打开订单</translation>
    </message>
</context>
<context>
    <name>paydesk::ui::AlertsStrip</name>
    <message numerus="yes">
        <source>⚠ %n open alert(s)</source>
        <translation>
            <numerusform>⚠ %n 条未处理告警</numerusform>
        </translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Open order</source>
        <translation>打开订单</translation>
    </message>
</context>
<context>
    <name>paydesk::ui::AlertsTableModel</name>
    <message>
        <source>page</source>
        <translation>紧急</translation>
    </message>
    <message>
        <source>watch</source>
        <translation>关注</translation>
    </message>
    <message>
        <source>open</source>
        <translation>未处理</translation>
    </message>
    <message>
        <source>acknowledged by %1 at %2</source>
        <translation>由 %1 于 %2 确认</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>发生时间</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>What it means</source>
        <translation>含义</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>paydesk::ui::ApprovalInbox</name>
    <message>
        <source>Pick a request in the list first.</source>
        <translation>请先在列表中选择一项申请。</translation>
    </message>
    <message>
        <source>%1 is already %2.</source>
        <translation>%1 已是 %2 状态。</translation>
    </message>
    <message>
        <source>Say why you reject %1 (the note), so the proposer knows.</source>
        <translation>请在备注中说明驳回 %1 的原因，让申请人知道。</translation>
    </message>
    <message>
        <source>Type your name first: a request is decided by someone other than its proposer.</source>
        <translation>请先输入您的姓名：申请须由申请人以外的人审批。</translation>
    </message>
    <message>
        <source>%1 approved.</source>
        <translation>%1 已批准。</translation>
    </message>
    <message>
        <source>%1 rejected.</source>
        <translation>%1 已驳回。</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>why (needed to reject)</source>
        <translation>原因（驳回时必填）</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>驳回</translation>
    </message>
</context>
<context>
    <name>paydesk::ui::ApprovalsModel</name>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>科目</translation>
    </message>
    <message>
        <source>Other account</source>
        <translation>对方科目</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Proposed by</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Proposed at</source>
        <translation>申请时间</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>审批人</translation>
    </message>
    <message>
        <source>Decision note</source>
        <translation>审批备注</translation>
    </message>
</context>
<context>
    <name>paydesk::ui::ApprovalsScreen</name>
    <message numerus="yes">
        <source>Limits: %n payout(s) a day, at most %1 a day in all; a second person approves each.</source>
        <translation>
            <numerusform>限额：每天最多 %n 笔提现，每天合计最多 %1；每笔须由第二人批准。</numerusform>
        </translation>
    </message>
    <message>
        <source>Settling %1…</source>
        <translation>正在结算 %1…</translation>
    </message>
    <message>
        <source>%1 settled: payments %2, refunds and reversals %3, fees %4; %5 became available for payouts.</source>
        <translation>%1 已结算：收款 %2，退款与撤销 %3，手续费 %4；%5 转为可提现余额。</translation>
    </message>
    <message>
        <source>A payout needs an amount above zero.</source>
        <translation>提现金额须大于零。</translation>
    </message>
    <message>
        <source>%1 requested: another person approves or rejects it below.</source>
        <translation>%1 已申请：请由另一人在下方批准或驳回。</translation>
    </message>
    <message>
        <source>An adjustment needs an amount (positive debits the account, negative credits it).</source>
        <translation>调账需要金额（正数记入借方，负数记入贷方）。</translation>
    </message>
    <message>
        <source>%1 proposed: another person approves or rejects it below.</source>
        <translation>%1 已提交：请由另一人在下方批准或驳回。</translation>
    </message>
    <message>
        <source>Settlement</source>
        <translation>结算</translation>
    </message>
    <message>
        <source>Payouts</source>
        <translation>提现</translation>
    </message>
    <message>
        <source>Adjustments</source>
        <translation>调账</translation>
    </message>
    <message>
        <source>Business day</source>
        <translation>营业日</translation>
    </message>
    <message>
        <source>Settle the day</source>
        <translation>结算该日</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Request payout</source>
        <translation>申请提现</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>科目</translation>
    </message>
    <message>
        <source>Amount (debit +, credit −)</source>
        <translation>金额（借 +，贷 −）</translation>
    </message>
    <message>
        <source>Other account</source>
        <translation>对方科目</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Propose adjustment</source>
        <translation>提交调账</translation>
    </message>
    <message>
        <source>Member wallets</source>
        <translation>会员钱包</translation>
    </message>
</context>
<context>
    <name>paydesk::ui::AuditModel</name>
    <message>
        <source>(no login)</source>
        <translation>（未登录）</translation>
    </message>
    <message>
        <source>(no answer)</source>
        <translation>（无应答）</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>收银台</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>About</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>信息</translation>
    </message>
</context>
<context>
    <name>paydesk::ui::AuditScreen</name>
    <message>
        <source>Export the audit log</source>
        <translation>导出审计日志</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Not exported: %1</source>
        <translation>未导出：%1</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s), newest first</source>
        <translation>
            <numerusform>共 %n 条，最新在前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) written to %1</source>
        <translation>
            <numerusform>已写入 %n 条到 %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>paydesk::ui::BalancesModel</name>
    <message>
        <source>Account</source>
        <translation>科目</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Debit</source>
        <translation>借方</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation>贷方</translation>
    </message>
</context>
<context>
    <name>paydesk::ui::CameraScanDialog</name>
    <message>
        <source>Scan with the camera</source>
        <translation>用摄像头扫码</translation>
    </message>
    <message>
        <source>Use this code</source>
        <translation>使用此码</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>No camera was found. Use the scanner, or type the code by hand.</source>
        <translation>未找到摄像头。请使用扫码枪，或手动输入付款码。</translation>
    </message>
    <message>
        <source>The camera failed: %1. Use the scanner, or type the code.</source>
        <translation>摄像头出错：%1。请使用扫码枪，或手动输入付款码。</translation>
    </message>
    <message>
        <source>Hold the customer's payment code in front of the camera.</source>
        <translation>请将顾客的付款码对准摄像头。</translation>
    </message>
    <message>
        <source>Found a %1 payment code: %2</source>
        <translation>识别到%1付款码：%2</translation>
    </message>
    <message>
        <source>Found %1, which is not a payment code. Ask for the payment code.</source>
        <translation>识别到 %1，但这不是付款码。请顾客出示付款码。</translation>
    </message>
</context>
<context>
    <name>paydesk::ui::CashierScreen</name>
    <message>
        <source>The amount is not valid (%1). Type it like 12.50.</source>
        <translation>金额无效（%1）。请按 12.50 的格式输入。</translation>
    </message>
    <message>
        <source>Now scan the customer's payment code (or type it and press Enter).</source>
        <translation>现在请扫描顾客的付款码（或手动输入后按回车）。</translation>
    </message>
    <message>
        <source>A sale is in progress: the scanned code was not used. Wait for its outcome.</source>
        <translation>有交易正在进行：扫描到的付款码未被使用。请等待结果。</translation>
    </message>
    <message>
        <source>Code scanned. Enter the amount and press Enter to charge.</source>
        <translation>已扫描付款码。请输入金额并按回车收款。</translation>
    </message>
    <message>
        <source>A sale is in progress. Wait for its outcome or revoke it.</source>
        <translation>有交易正在进行。请等待结果或撤销。</translation>
    </message>
    <message>
        <source>Scan the customer's payment code first.</source>
        <translation>请先扫描顾客的付款码。</translation>
    </message>
    <message>
        <source>A sale is in progress: it cannot be cleared. Wait, or revoke it.</source>
        <translation>有交易正在进行，无法清除。请等待或撤销。</translation>
    </message>
    <message>
        <source>Amount (¥)</source>
        <translation>金额（¥）</translation>
    </message>
    <message>
        <source>0.00</source>
        <translation>0.00</translation>
    </message>
    <message>
        <source>Payment code</source>
        <translation>付款码</translation>
    </message>
    <message>
        <source>Scan the customer's code</source>
        <translation>扫描顾客的付款码</translation>
    </message>
    <message>
        <source>Charge (Enter)</source>
        <translation>收款（回车）</translation>
    </message>
    <message>
        <source>Clear (Esc)</source>
        <translation>清除（Esc）</translation>
    </message>
    <message>
        <source>Show QR code</source>
        <translation>显示收款码</translation>
    </message>
    <message>
        <source>Camera…</source>
        <translation>摄像头…</translation>
    </message>
    <message>
        <source>%1 cannot be reached right now (%2). A charge ends at once with nothing taken; ask for another way to pay, or try again.</source>
        <translation>目前无法连接%1（%2）。收款会立即结束且不扣款；请顾客换一种付款方式，或稍后再试。</translation>
    </message>
    <message>
        <source>Charge (%1 unreachable)</source>
        <translation>收款（%1 无法连接）</translation>
    </message>
    <message>
        <source>Confirm %1 (Enter)</source>
        <translation>确认 %1（回车）</translation>
    </message>
    <message>
        <source>%1 is a large amount. Check it with the customer, then press Enter again (or Confirm) to charge it; Esc to correct it.</source>
        <translation>%1 是大额。请与顾客核对后再按一次回车（或“确认”）收款；按 Esc 修改。</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Items, table… (optional)</source>
        <translation>商品、桌号…（可选）</translation>
    </message>
</context>
<context>
    <name>paydesk::ui::CheckModel</name>
    <message>
        <source>ok</source>
        <translation>正常</translation>
    </message>
    <message numerus="yes">
        <source>%n more than the rule expects</source>
        <translation>
            <numerusform>比规则预期多 %n 项</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n fewer than the rule expects</source>
        <translation>
            <numerusform>比规则预期少 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <source>the books hold %1 more than the rule expects</source>
        <translation>账上比规则预期多 %1</translation>
    </message>
    <message>
        <source>the books hold %1 less than the rule expects</source>
        <translation>账上比规则预期少 %1</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>检查对象</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>预期</translation>
    </message>
    <message>
        <source>In the books</source>
        <translation>账上</translation>
    </message>
</context>
<context>
    <name>paydesk::ui::DashboardScreen</name>
    <message numerus="yes">
        <source>%n sale(s), ¥%1</source>
        <translation>
            <numerusform>%n 笔，¥%1</numerusform>
        </translation>
    </message>
    <message>
        <source>Open alerts: %1 to act on, %2 to watch</source>
        <translation>未确认告警：%1 条需处理，%2 条需关注</translation>
    </message>
    <message>
        <source>Reconciliation differences waiting: %1</source>
        <translation>待处理对账差异：%1</translation>
    </message>
    <message>
        <source>Orders not finished: %1</source>
        <translation>未完成订单：%1</translation>
    </message>
    <message>
        <source>Figures for %1 (China time), read at %2; they follow each payment while this screen is open.</source>
        <translation>%1（北京时间）的数据，读取于 %2；本页面打开期间随每笔支付自动更新。</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>昨天</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Chosen days</source>
        <translation>自选日期</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Net takings</source>
        <translation>净收款</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>收款</translation>
    </message>
    <message>
        <source>Success rate</source>
        <translation>成功率</translation>
    </message>
    <message>
        <source>Median time to paid</source>
        <translation>支付耗时中位数</translation>
    </message>
    <message>
        <source>Open the alerts</source>
        <translation>打开告警中心</translation>
    </message>
    <message>
        <source>Open reconciliation</source>
        <translation>打开对账</translation>
    </message>
    <message>
        <source>Open the orders</source>
        <translation>打开订单</translation>
    </message>
</context>
<context>
    <name>paydesk::ui::DifferencesModel</name>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>差异</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Ours</source>
        <translation>我方</translation>
    </message>
    <message>
        <source>Bill</source>
        <translation>账单</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Proposed by</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>审批人</translation>
    </message>
</context>
<context>
    <name>paydesk::ui::FirstRunWizard</name>
    <message>
        <source>Set up this counter</source>
        <translation>设置本收银台</translation>
    </message>
    <message>
        <source>Welcome to PayDesk</source>
        <translation>欢迎使用 PayDesk</translation>
    </message>
    <message>
        <source>A few answers and this counter is ready. Everything can be changed later in Settings.</source>
        <translation>回答几个问题即可开始使用。所有设置之后都可以在“设置”中修改。</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>This counter</source>
        <translation>本收银台</translation>
    </message>
    <message>
        <source>Names printed on receipts. The core's store and terminal numbers are in its configuration file.</source>
        <translation>打印在小票上的名称。核心的门店号和终端号在其配置文件中设置。</translation>
    </message>
    <message>
        <source>default location</source>
        <translation>默认位置</translation>
    </message>
    <message>
        <source>Store name</source>
        <translation>门店名称</translation>
    </message>
    <message>
        <source>Counter name</source>
        <translation>收银台名称</translation>
    </message>
    <message>
        <source>Data directory</source>
        <translation>数据目录</translation>
    </message>
    <message>
        <source>Scanner</source>
        <translation>扫码枪</translation>
    </message>
    <message>
        <source>A USB scanner that types like a keyboard works as it is. If it adds characters before or after each code, enter them here.</source>
        <translation>模拟键盘输入的 USB 扫码枪可直接使用。如果它在每个码前后附加字符，请在此填写。</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>前缀</translation>
    </message>
    <message>
        <source>Suffix</source>
        <translation>后缀</translation>
    </message>
</context>
<context>
    <name>paydesk::ui::HourlyTakingsChart</name>
    <message>
        <source>Sales by hour of the day (China time), yuan</source>
        <translation>按小时收款（北京时间），单位：元</translation>
    </message>
</context>
<context>
    <name>paydesk::ui::JournalModel</name>
    <message>
        <source>%1 (reverses %2)</source>
        <translation>%1（冲销 %2）</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>分录</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>业务</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>单号</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Memo</source>
        <translation>摘要</translation>
    </message>
</context>
<context>
    <name>paydesk::ui::LastSalesPanel</name>
    <message>
        <source>Last sales</source>
        <translation>最近交易</translation>
    </message>
    <message>
        <source>Refund… (F4)</source>
        <translation>退款…（F4）</translation>
    </message>
    <message>
        <source>Receipt… (F6)</source>
        <translation>小票…（F6）</translation>
    </message>
</context>
<context>
    <name>paydesk::ui::LedgerScreen</name>
    <message>
        <source>The balances could not be read: %1</source>
        <translation>无法读取余额：%1</translation>
    </message>
    <message>
        <source>now</source>
        <translation>当前</translation>
    </message>
    <message>
        <source>Trial balance (%1): debits %2 = credits %3, balanced</source>
        <translation>试算平衡（%1）：借方 %2 = 贷方 %3，平衡</translation>
    </message>
    <message>
        <source>Trial balance (%1): debits %2, credits %3: OUT OF BALANCE by %4. Run the internal check to see where.</source>
        <translation>试算平衡（%1）：借方 %2，贷方 %3：不平衡，相差 %4。请运行内部核对查看原因。</translation>
    </message>
    <message numerus="yes">
        <source>%n entry(ies) shown; scroll down for more</source>
        <translation>
            <numerusform>已显示 %n 条分录；向下滚动查看更多</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entry(ies)</source>
        <translation>
            <numerusform>%n 条分录</numerusform>
        </translation>
    </message>
    <message>
        <source>Pick an entry to see its postings.</source>
        <translation>选择一条分录查看其借贷明细。</translation>
    </message>
    <message>
        <source>Entry %1, %2 %3</source>
        <translation>分录 %1，%2 %3</translation>
    </message>
    <message>
        <source>, order %1</source>
        <translation>，订单 %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>an entry and its memo</comment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在核对…</translation>
    </message>
    <message>
        <source>The check could not run: %1</source>
        <translation>核对无法运行：%1</translation>
    </message>
    <message numerus="yes">
        <source>All %n line(s) hold.</source>
        <translation>
            <numerusform>全部 %n 项均相符。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 lines fail: each says what is wrong.</source>
        <translation>%2 项中有 %1 项不符：每项都说明了问题所在。</translation>
    </message>
    <message>
        <source>Balances and trial balance</source>
        <translation>余额与试算平衡</translation>
    </message>
    <message>
        <source>Journal</source>
        <translation>日记账</translation>
    </message>
    <message>
        <source>Internal check</source>
        <translation>内部核对</translation>
    </message>
    <message>
        <source>Now; or at</source>
        <translation>当前；或指定时刻</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Double-click an account to see its journal.</source>
        <translation>双击科目查看其日记账。</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>科目</translation>
    </message>
    <message>
        <source>Order or reference</source>
        <translation>订单号或单号</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Run the internal check</source>
        <translation>运行内部核对</translation>
    </message>
</context>
<context>
    <name>paydesk::ui::LoginDialog</name>
    <message>
        <source>Log in to PayDesk</source>
        <translation>登录 PayDesk</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Not logged in. Check the name and password, or ask an admin.</source>
        <translation>未登录。请检查用户名和密码，或联系管理员。</translation>
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
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Counter mode (high contrast, large type)</source>
        <translation>收银台模式（高对比度、大字体）(&amp;C)</translation>
    </message>
    <message>
        <source>Demo: test codes such as 130000000000000001 (paid at once) or 130105000000000001 (password, then paid). Data in %1 is thrown away.</source>
        <translation>演示：可使用测试付款码，如 130000000000000001（立即成功）或 130105000000000001（需输入密码，然后成功）。%1 中的数据将被丢弃。</translation>
    </message>
    <message>
        <source>PayDesk — demo — SANDBOX / 测试环境 (nothing is really charged)</source>
        <translation>PayDesk — 演示 — SANDBOX / 测试环境（不会真实扣款）</translation>
    </message>
    <message>
        <source>PayDesk — SANDBOX / 测试环境 (nothing is really charged)</source>
        <translation>PayDesk — SANDBOX / 测试环境（不会真实扣款）</translation>
    </message>
    <message>
        <source>SANDBOX / 测试环境: not real payments</source>
        <translation>SANDBOX / 测试环境：非真实支付</translation>
    </message>
    <message>
        <source>A sale is in progress</source>
        <translation>有一笔收款正在进行</translation>
    </message>
    <message>
        <source>Order %1 has no final outcome yet. If you quit now, nothing is lost: the next time PayDesk starts it asks the channel again, and revokes the payment if it is still unknown (the money goes back if it was taken). Quit anyway?</source>
        <translation>订单 %1 还没有最终结果。现在退出不会丢失任何数据：PayDesk 下次启动时会再次向渠道查询，如果结果仍不明确会撤销这笔支付（已扣的钱会退回）。仍要退出吗？</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Stay</source>
        <translation>留下</translation>
    </message>
    <message>
        <source>Cashier (Alt+1)</source>
        <translation>收银（Alt+1）</translation>
    </message>
    <message>
        <source>QR code (Alt+2)</source>
        <translation>收款码（Alt+2）</translation>
    </message>
    <message>
        <source>Orders (Alt+3)</source>
        <translation>订单（Alt+3）</translation>
    </message>
    <message>
        <source>Switch &amp;user… (shift change)</source>
        <translation>切换用户(&amp;U)…（交班）</translation>
    </message>
    <message>
        <source>%1 may not refund: a cashier or supervisor does.</source>
        <translation>%1 无权退款：请由收银员或主管操作。</translation>
    </message>
    <message>
        <source>Ledger (Alt+4)</source>
        <translation>账簿 (Alt+4)</translation>
    </message>
    <message>
        <source>Alerts (Alt+7)</source>
        <translation>告警 (Alt+7)</translation>
    </message>
    <message>
        <source>Audit log (Alt+8)</source>
        <translation>审计日志 (Alt+8)</translation>
    </message>
    <message>
        <source>Approvals (Alt+5)</source>
        <translation>结算审批 (Alt+5)</translation>
    </message>
    <message>
        <source>Reconcile (Alt+6)</source>
        <translation>对账 (Alt+6)</translation>
    </message>
    <message>
        <source>%1 may not close the shift: a cashier or supervisor does.</source>
        <translation>%1 不能交班：须由收银员或主管操作。</translation>
    </message>
    <message>
        <source>&amp;Close the shift (交班)…</source>
        <translation>交班(&amp;C)…</translation>
    </message>
    <message>
        <source>Dashboard (Alt+9)</source>
        <translation>经营概览 (Alt+9)</translation>
    </message>
</context>
<context>
    <name>paydesk::ui::OrderDetailView</name>
    <message>
        <source>Select an order to see its story.</source>
        <translation>选择一个订单以查看其完整记录。</translation>
    </message>
    <message>
        <source>Order %1 was not found.</source>
        <translation>未找到订单 %1。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Order %1&lt;/b&gt; — %2</source>
        <translation>&lt;b&gt;订单 %1&lt;/b&gt; — %2</translation>
    </message>
    <message>
        <source>Amount %1, refunded %2, refund in progress %3</source>
        <translation>金额 %1，已退款 %2，退款中 %3</translation>
    </message>
    <message>
        <source>Created %1 at store %2, counter %3; note: %4</source>
        <translation>创建于 %1，门店 %2，终端 %3；备注：%4</translation>
    </message>
    <message>
        <source>Payment %1: %2 %3, %4, code %5, channel trade no. %6</source>
        <translation>支付 %1：%2 %3，%4，付款码 %5，渠道交易号 %6</translation>
    </message>
    <message numerus="yes">
        <source>Revoke %1: %2, %n attempt(s), action %3</source>
        <translation>
            <numerusform>撤销 %1：%2，尝试 %n 次，动作 %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;span style='color:#b01c1c'&gt;⚠ %n alert(s) on this order: see the highlighted steps.&lt;/span&gt;</source>
        <translation>
            <numerusform>&lt;span style='color:#b01c1c'&gt;⚠ 此订单有 %n 条告警：请查看高亮的步骤。&lt;/span&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Timeline (click ▸ to see the raw message; codes and keys are masked)</source>
        <translation>时间线（点击 ▸ 查看原始报文；付款码和密钥已脱敏）</translation>
    </message>
    <message>
        <source>Ask the channel now</source>
        <translation>立即向渠道查询</translation>
    </message>
    <message>
        <source>Asking…</source>
        <translation>正在查询…</translation>
    </message>
    <message>
        <source>Could not ask: %1</source>
        <translation>无法查询：%1</translation>
    </message>
    <message>
        <source>%1 says: paid (%2).</source>
        <translation>%1 答复：已支付（%2）。</translation>
    </message>
    <message>
        <source>%1 says: not paid (%2).</source>
        <translation>%1 答复：未支付（%2）。</translation>
    </message>
    <message>
        <source>%1 says: still in progress (%2).</source>
        <translation>%1 答复：仍在处理中（%2）。</translation>
    </message>
    <message>
        <source>%1 gave no clear answer (%2); PayDesk keeps checking.</source>
        <translation>%1 没有给出明确答复（%2）；PayDesk 会继续查询。</translation>
    </message>
    <message>
        <source>Revoke order %1?</source>
        <translation>撤销订单 %1？</translation>
    </message>
    <message>
        <source>The payment of order %1 is cancelled at the channel. If the customer was already charged, the money goes back to them.</source>
        <translation>将在渠道撤销订单 %1 的支付。如果顾客已被扣款，钱会退回给顾客。</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Revoke requested: %1</source>
        <translation>已请求撤销：%1</translation>
    </message>
    <message>
        <source>Not revoked: %1</source>
        <translation>未撤销：%1</translation>
    </message>
    <message>
        <source>Refund… (F4)</source>
        <translation>退款…（F4）</translation>
    </message>
    <message>
        <source>Receipt… (F6)</source>
        <translation>小票…（F6）</translation>
    </message>
    <message>
        <source>Revoke… (F8)</source>
        <translation>撤销…（F8）</translation>
    </message>
</context>
<context>
    <name>paydesk::ui::OrdersCsvExport</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>导出已取消；未写入任何文件。</translation>
    </message>
    <message>
        <source>Writing the file failed: %1</source>
        <translation>写入文件失败：%1</translation>
    </message>
    <message>
        <source>Saving the file failed: %1</source>
        <translation>保存文件失败：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) exported.</source>
        <translation>
            <numerusform>已导出 %n 个订单。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>paydesk::ui::OrdersScreen</name>
    <message numerus="yes">
        <source>%n order(s) loaded; scroll down for older ones.</source>
        <translation>
            <numerusform>已加载 %n 个订单；向下滚动可查看更早的订单。</numerusform>
        </translation>
    </message>
    <message>
        <source>Search: order, payment, channel trade or refund no., or last 4 digits of the code</source>
        <translation>搜索：订单号、支付号、渠道交易号、退款号，或付款码后 4 位</translation>
    </message>
    <message>
        <source>Any state</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Any wallet</source>
        <translation>全部钱包</translation>
    </message>
    <message>
        <source>Any date</source>
        <translation>全部日期</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <source>Export orders</source>
        <translation>导出订单</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Writing orders to %1…</source>
        <translation>正在将订单写入 %1…</translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) written to %1…</source>
        <translation>
            <numerusform>已向 %1 写入 %n 个订单…</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 Saved as %2.</source>
        <translation>%1 已保存为 %2。</translation>
    </message>
    <message>
        <source>Export CSV… (Ctrl+E)</source>
        <translation>导出 CSV…（Ctrl+E）</translation>
    </message>
</context>
<context>
    <name>paydesk::ui::OrdersTableModel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Order no.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <source>Wallet</source>
        <translation>钱包</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>paydesk::ui::PinGuard</name>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n 秒</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n 分钟</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>paydesk::ui::PostingsModel</name>
    <message>
        <source>Account</source>
        <translation>科目</translation>
    </message>
    <message>
        <source>Debit</source>
        <translation>借方</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation>贷方</translation>
    </message>
</context>
<context>
    <name>paydesk::ui::ProgressPanel</name>
    <message>
        <source>%1 (F8)</source>
        <translation>%1（F8）</translation>
    </message>
    <message>
        <source>Receipt (F3)</source>
        <translation>小票（F3）</translation>
    </message>
    <message>
        <source>New sale (F2)</source>
        <translation>新交易（F2）</translation>
    </message>
</context>
<context>
    <name>paydesk::ui::QrScreen</name>
    <message>
        <source>Show this code to the customer; the outcome appears here.</source>
        <translation>请向顾客出示此二维码；结果将显示在这里。</translation>
    </message>
    <message>
        <source>The amount is not valid (%1). Type it like 12.50.</source>
        <translation>金额无效（%1）。请按 12.50 的格式输入。</translation>
    </message>
    <message>
        <source>A QR sale is in progress. Wait for its outcome or revoke it.</source>
        <translation>有扫码交易正在进行。请等待结果或撤销。</translation>
    </message>
    <message>
        <source>The customer scanned the code (sandbox).</source>
        <translation>顾客已扫码（沙箱）。</translation>
    </message>
    <message>
        <source>The sandbox refused the scan: %1</source>
        <translation>沙箱拒绝了此次扫码：%1</translation>
    </message>
    <message>
        <source>Amount (¥)</source>
        <translation>金额（¥）</translation>
    </message>
    <message>
        <source>Wallet</source>
        <translation>钱包</translation>
    </message>
    <message>
        <source>Note / items (optional)</source>
        <translation>备注 / 商品（可选）</translation>
    </message>
    <message>
        <source>Show QR code</source>
        <translation>显示收款码</translation>
    </message>
    <message>
        <source>Simulate customer scan</source>
        <translation>模拟顾客扫码</translation>
    </message>
    <message>
        <source>The sandbox test code the simulated customer pays with</source>
        <translation>模拟顾客用来付款的沙箱测试码</translation>
    </message>
</context>
<context>
    <name>paydesk::ui::ReachabilityLights</name>
    <message>
        <source>%1 answers.</source>
        <translation>%1 应答正常。</translation>
    </message>
    <message>
        <source>%1 cannot be reached: %2</source>
        <translation>%1 无法连接：%2</translation>
    </message>
    <message>
        <source>%1: no call yet.</source>
        <translation>%1：尚未调用。</translation>
    </message>
</context>
<context>
    <name>paydesk::ui::ReceiptDialog</name>
    <message>
        <source>Receipt</source>
        <translation>小票</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Order %1 was not found.</source>
        <translation>未找到订单 %1。</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <source>No printer is set up on this computer. Export a PDF instead, or add a printer and try again.</source>
        <translation>本机未设置打印机。请导出 PDF，或添加打印机后重试。</translation>
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation>已发送到打印机。</translation>
    </message>
    <message>
        <source>Export receipt as PDF</source>
        <translation>将小票导出为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>paydesk::ui::ReconReportModel</name>
    <message>
        <source>channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>merchant</source>
        <translation>商户号</translation>
    </message>
    <message>
        <source>business date</source>
        <translation>账单日期</translation>
    </message>
    <message>
        <source>run by</source>
        <translation>执行人</translation>
    </message>
    <message>
        <source>bill sha256</source>
        <translation>账单 SHA-256</translation>
    </message>
    <message>
        <source>ours</source>
        <translation>我方</translation>
    </message>
    <message>
        <source>bill</source>
        <translation>账单</translation>
    </message>
    <message>
        <source>payments</source>
        <translation>支付笔数</translation>
    </message>
    <message>
        <source>paid</source>
        <translation>支付金额</translation>
    </message>
    <message>
        <source>refunds and revokes</source>
        <translation>退款与撤销笔数</translation>
    </message>
    <message>
        <source>refunded</source>
        <translation>退款金额</translation>
    </message>
    <message>
        <source>fees</source>
        <translation>手续费</translation>
    </message>
    <message>
        <source>net</source>
        <translation>净额</translation>
    </message>
    <message>
        <source>matched</source>
        <translation>已匹配</translation>
    </message>
    <message>
        <source>pending next day</source>
        <translation>待次日账单</translation>
    </message>
    <message>
        <source>resolved from earlier days</source>
        <translation>前日差异已解决</translation>
    </message>
    <message>
        <source>missing_locally</source>
        <translation>我方缺失（长款）</translation>
    </message>
    <message>
        <source>missing_at_channel</source>
        <translation>渠道缺失（短款）</translation>
    </message>
    <message>
        <source>amount_mismatch</source>
        <translation>金额不符</translation>
    </message>
    <message>
        <source>status_mismatch</source>
        <translation>状态不符</translation>
    </message>
    <message>
        <source>fee_mismatch</source>
        <translation>手续费不符</translation>
    </message>
    <message>
        <source>fund_long</source>
        <translation>资金长款</translation>
    </message>
    <message>
        <source>fund_short</source>
        <translation>资金短款</translation>
    </message>
    <message>
        <source>fund difference (+long/-short)</source>
        <translation>资金差额（+长/-短）</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Ours</source>
        <translation>我方</translation>
    </message>
    <message>
        <source>Bill</source>
        <translation>账单</translation>
    </message>
</context>
<context>
    <name>paydesk::ui::ReconScreen</name>
    <message>
        <source>The channel's bill</source>
        <translation>渠道账单</translation>
    </message>
    <message>
        <source>Bills (*.csv *.zip *.txt);;All files (*)</source>
        <translation>账单 (*.csv *.zip *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Downloading and reconciling the %1 bill of %2…</source>
        <translation>正在下载并核对 %1 的 %2 账单…</translation>
    </message>
    <message>
        <source>Reconciling %1…</source>
        <translation>正在核对 %1…</translation>
    </message>
    <message numerus="yes">
        <source>%1 %2 reconciled: %3 matched, %n difference(s).</source>
        <translation>
            <numerusform>%1 %2 已对账：已匹配 %3 笔，差异 %n 项。</numerusform>
        </translation>
    </message>
    <message>
        <source>The same bill as before: nothing changed.</source>
        <translation>与之前的账单相同：未做任何更改。</translation>
    </message>
    <message>
        <source>no run to export yet: reconcile a day first</source>
        <translation>尚无可导出的对账结果：请先对账</translation>
    </message>
    <message>
        <source>Export the report</source>
        <translation>导出对账报告</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Report written to %1</source>
        <translation>报告已写入 %1</translation>
    </message>
    <message>
        <source>Not exported: %1</source>
        <translation>未导出：%1</translation>
    </message>
    <message>
        <source>Pick a difference in the list first.</source>
        <translation>请先在列表中选择一项差异。</translation>
    </message>
    <message>
        <source>Pick a difference to work on it.</source>
        <translation>选择一项差异进行处理。</translation>
    </message>
    <message>
        <source>No difference needs a person.</source>
        <translation>没有需要人工处理的差异。</translation>
    </message>
    <message>
        <source>No. %1: %2 of %3 %4</source>
        <translation>第 %1 项：%3 %4 %2</translation>
    </message>
    <message>
        <source>order %1</source>
        <translation>订单 %1</translation>
    </message>
    <message>
        <source>state %1</source>
        <translation>状态 %1</translation>
    </message>
    <message>
        <source>owner %1</source>
        <translation>负责人 %1</translation>
    </message>
    <message>
        <source>the accounting team</source>
        <translation>财务组</translation>
    </message>
    <message>
        <source>proposed by %1</source>
        <translation>提议人 %1</translation>
    </message>
    <message>
        <source>decided by %1</source>
        <translation>审批人 %1</translation>
    </message>
    <message>
        <source>note: %1</source>
        <translation>说明：%1</translation>
    </message>
    <message>
        <source>found %1, last changed %2</source>
        <translation>发现于 %1，最后更改于 %2</translation>
    </message>
    <message>
        <source>Give the reason first: it stays with difference %1.</source>
        <translation>请先填写原因：它将随差异 %1 保存。</translation>
    </message>
    <message>
        <source>Difference %1: %2</source>
        <translation>差异 %1：%2</translation>
    </message>
    <message>
        <source>Type who should work it (the owner) first.</source>
        <translation>请先填写负责处理的人。</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Download the bill and reconcile</source>
        <translation>下载账单并对账</translation>
    </message>
    <message>
        <source>Reconcile a bill file…</source>
        <translation>用账单文件对账…</translation>
    </message>
    <message>
        <source>Or drop the bill file (WeChat CSV, Alipay ZIP) on this screen.</source>
        <translation>也可以把账单文件（微信 CSV、支付宝 ZIP）拖到此界面。</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <source>Only differences that need a person</source>
        <translation>只显示需要人工处理的差异</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Explain (resolve)</source>
        <translation>说明原因（解决）</translation>
    </message>
    <message>
        <source>Propose write-off</source>
        <translation>提议核销</translation>
    </message>
    <message>
        <source>Propose recovery</source>
        <translation>提议补单</translation>
    </message>
    <message>
        <source>Approve proposal</source>
        <translation>批准提议</translation>
    </message>
    <message>
        <source>Reject proposal</source>
        <translation>驳回提议</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>指派</translation>
    </message>
</context>
<context>
    <name>paydesk::ui::RefundDialog</name>
    <message>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Full amount</source>
        <translation>全额</translation>
    </message>
    <message>
        <source>Goods returned</source>
        <translation>顾客退货</translation>
    </message>
    <message>
        <source>Wrong amount charged</source>
        <translation>收款金额错误</translation>
    </message>
    <message>
        <source>Customer charged twice</source>
        <translation>重复扣款</translation>
    </message>
    <message>
        <source>Supervisor PIN</source>
        <translation>主管密码</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Amount to refund (¥)</source>
        <translation>退款金额（¥）</translation>
    </message>
    <message>
        <source>Reason (required)</source>
        <translation>原因（必填）</translation>
    </message>
    <message>
        <source>Order %1 was not found.</source>
        <translation>未找到订单 %1。</translation>
    </message>
    <message>
        <source>Order %1: %2 paid, %3 refunded, %4 can still be refunded (%5).</source>
        <translation>订单 %1：已付 %2，已退 %3，还可退 %4（%5）。</translation>
    </message>
    <message>
        <source>The amount is not valid (%1). Type it like 12.50.</source>
        <translation>金额无效（%1）。请按 12.50 的格式输入。</translation>
    </message>
    <message>
        <source>Give a reason for the refund: it is kept with the order.</source>
        <translation>请填写退款原因：它会随订单保存。</translation>
    </message>
    <message>
        <source>Sending the refund…</source>
        <translation>正在发送退款…</translation>
    </message>
    <message>
        <source>Refund %1 accepted. The money goes back to the customer's wallet; the order's timeline shows when it arrives.</source>
        <translation>退款 %1 已受理。款项将退回顾客的钱包；到账时间可在订单时间线中查看。</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Not refunded: %1. Correct it and press Refund again.</source>
        <translation>未退款：%1。请更正后再按“退款”。</translation>
    </message>
    <message numerus="yes">
        <source>The supervisor PIN is wrong. Nothing was refunded; ask the supervisor to enter it (%n try(ies) left before refunds are locked).</source>
        <translation>
            <numerusform>主管密码错误，未退款；请主管输入密码（再错 %n 次退款将被锁定）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Too many wrong PINs: refunds are locked for %1. Nothing was refunded; the supervisor has been alerted.</source>
        <translation>密码错误次数过多：退款已锁定 %1。未退款；已向主管发出告警。</translation>
    </message>
    <message>
        <source>Supervisor approves</source>
        <translation>主管授权</translation>
    </message>
    <message>
        <source>supervisor's user name</source>
        <translation>主管用户名</translation>
    </message>
    <message>
        <source>password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Not refunded: %1. A supervisor may approve it here: their name and password, then Refund again.</source>
        <translation>未退款：%1。可由主管在此授权：输入主管的用户名和密码，然后再次点击“退款”。</translation>
    </message>
</context>
<context>
    <name>paydesk::ui::RefundsModel</name>
    <message>
        <source>sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Refund no.</source>
        <translation>退款号</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>paydesk::ui::SaleSession</name>
    <message>
        <source>Revoke requested: the payment is being cancelled.</source>
        <translation>已请求撤销：正在取消这笔支付。</translation>
    </message>
    <message>
        <source>Not revoked: %1</source>
        <translation>未撤销：%1</translation>
    </message>
</context>
<context>
    <name>paydesk::ui::SerialScanner</name>
    <message>
        <source>The serial scanner on %1 could not be opened (%2). Check the cable and the port in Settings; the keyboard scanner and typing still work.</source>
        <translation>无法打开 %1 上的串口扫码枪（%2）。请检查线缆和“设置”中的端口；键盘扫码枪和手动输入仍可使用。</translation>
    </message>
</context>
<context>
    <name>paydesk::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>default location</source>
        <translation>默认位置</translation>
    </message>
    <message>
        <source>High contrast, large type</source>
        <translation>高对比度、大字体</translation>
    </message>
    <message>
        <source>Store name</source>
        <translation>门店名称</translation>
    </message>
    <message>
        <source>Counter name</source>
        <translation>收银台名称</translation>
    </message>
    <message>
        <source>Data directory (after restart)</source>
        <translation>数据目录（重启后生效）</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Counter mode</source>
        <translation>收银台模式</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>收银台</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>default camera</source>
        <translation>默认摄像头</translation>
    </message>
    <message>
        <source>Prefix the scanner adds</source>
        <translation>扫码枪添加的前缀</translation>
    </message>
    <message>
        <source>Suffix the scanner adds</source>
        <translation>扫码枪添加的后缀</translation>
    </message>
    <message>
        <source>Longest gap between scanner keys</source>
        <translation>扫码枪按键最大间隔</translation>
    </message>
    <message>
        <source>Shortest code</source>
        <translation>最短码长</translation>
    </message>
    <message>
        <source>Serial scanner port</source>
        <translation>串口扫码枪端口</translation>
    </message>
    <message>
        <source>Serial speed (baud)</source>
        <translation>串口速率（波特）</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <source>Scanner</source>
        <translation>扫码枪</translation>
    </message>
    <message>
        <source>default printer</source>
        <translation>默认打印机</translation>
    </message>
    <message>
        <source>Receipt printer</source>
        <translation>小票打印机</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <source>No PIN: any cashier may refund</source>
        <translation>不设密码：任何收银员都可退款</translation>
    </message>
    <message>
        <source>Refunds need the supervisor PIN. Enter a new one to change it.</source>
        <translation>退款需要主管密码。输入新密码即可更改。</translation>
    </message>
    <message>
        <source>Refunds need no PIN. Set one so that only a supervisor can refund.</source>
        <translation>退款不需要密码。设置密码后只有主管可以退款。</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>New PIN again</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <source>Supervisor PIN</source>
        <translation>主管密码</translation>
    </message>
    <message>
        <source>The two PINs differ. Type the new PIN twice, the same.</source>
        <translation>两次输入的密码不一致。请输入两次相同的新密码。</translation>
    </message>
    <message>
        <source>The PIN is too short: use at least 4 digits.</source>
        <translation>密码太短：至少使用 4 位数字。</translation>
    </message>
    <message>
        <source>Current PIN (to change or remove it)</source>
        <translation>当前密码（修改或取消时需要）</translation>
    </message>
    <message numerus="yes">
        <source>The current PIN is wrong: nothing was saved (%n try(ies) left before the PIN is locked).</source>
        <translation>
            <numerusform>当前密码错误：未保存任何更改（再错 %n 次密码将被锁定）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Too many wrong PINs: the PIN is locked for %1. Nothing was saved; the supervisor has been alerted.</source>
        <translation>密码错误次数过多：密码已锁定 %1。未保存任何更改；已向主管发出告警。</translation>
    </message>
    <message>
        <source>A short sound when a sale is paid, fails or needs attention</source>
        <translation>收款成功、失败或需人工处理时发出提示音</translation>
    </message>
    <message>
        <source>Sounds</source>
        <translation>提示音</translation>
    </message>
</context>
<context>
    <name>paydesk::ui::SettlementsModel</name>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>笔数</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>收款</translation>
    </message>
    <message>
        <source>Refunds and reversals</source>
        <translation>退款与撤销</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>净额</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>手续费</translation>
    </message>
    <message>
        <source>To available</source>
        <translation>转入可用</translation>
    </message>
    <message>
        <source>Run by</source>
        <translation>执行人</translation>
    </message>
    <message>
        <source>Run at</source>
        <translation>执行时间</translation>
    </message>
</context>
<context>
    <name>paydesk::ui::ShiftCloseDialog</name>
    <message>
        <source>Close the shift (交班)</source>
        <translation>交班</translation>
    </message>
    <message>
        <source>Close this counter's shift now? Its sales, refunds and revokes since the last close are added up by wallet and kept; orders still open pass to the next shift.</source>
        <translation>现在为本收银台交班吗？自上次交班以来的收款、退款和撤销将按钱包汇总并保存；未完成的订单转入下一班。</translation>
    </message>
    <message>
        <source>Close the shift</source>
        <translation>交班</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>保存 PDF…</translation>
    </message>
    <message>
        <source>Next person logs in</source>
        <translation>下一位登录</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Shift %1 is closed and kept. Counter %2, closed by %3.</source>
        <translation>班次 %1 已交班并保存。收银台 %2，交班人 %3。</translation>
    </message>
    <message>
        <source>No order is left open.</source>
        <translation>没有未完成的订单。</translation>
    </message>
    <message>
        <source>Left open for the next shift: %1</source>
        <translation>转入下一班的未完成订单：%1</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Save the shift slip</source>
        <translation>保存交班单</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Slip saved to %1</source>
        <translation>交班单已保存到 %1</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
</context>
<context>
    <name>paydesk::ui::ShiftLogin</name>
    <message>
        <source>Shift change: the next person logs in. Until then %1 stays logged in.</source>
        <translation>交班：请下一位登录。在此之前 %1 仍保持登录。</translation>
    </message>
    <message>
        <source>Logged in: %1</source>
        <translation>当前登录：%1</translation>
    </message>
    <message>
        <source>nobody logs in at this counter</source>
        <translation>本收银台无需登录</translation>
    </message>
    <message>
        <source>%1 is not a supervisor</source>
        <translation>%1 不是主管</translation>
    </message>
</context>
<context>
    <name>paydesk::ui::ShiftReportModel</name>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Wallet</source>
        <translation>钱包</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>收款笔数</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>收款金额</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>退款笔数</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>退款金额</translation>
    </message>
    <message>
        <source>Revokes</source>
        <translation>撤销笔数</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>撤销金额</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>净额</translation>
    </message>
    <message>
        <source>the counter's first sale</source>
        <translation>本收银台第一笔交易</translation>
    </message>
    <message>
        <source>Shift close %1 (交班)</source>
        <translation>交班单 %1</translation>
    </message>
    <message>
        <source>Counter %1, closed by %2</source>
        <translation>收银台 %1，交班人 %2</translation>
    </message>
    <message>
        <source>From %1</source>
        <translation>自 %1</translation>
    </message>
    <message>
        <source>To %1</source>
        <translation>至 %1</translation>
    </message>
    <message>
        <source>No order is left open.</source>
        <translation>没有未完成的订单。</translation>
    </message>
    <message>
        <source>Left open for the next shift: %1</source>
        <translation>转入下一班的未完成订单：%1</translation>
    </message>
</context>
<context>
    <name>paydesk::ui::TimelineModel</name>
    <message>
        <source>raw (masked)</source>
        <translation>原始报文（已脱敏）</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>State change</source>
        <translation>状态变化</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>信息</translation>
    </message>
</context>
<context>
    <name>paydesk::ui::WalletFiguresModel</name>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>All wallets</source>
        <translation>全部钱包</translation>
    </message>
    <message>
        <source>Wallet</source>
        <translation>钱包</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>收款笔数</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>收款金额</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>退款金额</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>撤销金额</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>净额</translation>
    </message>
    <message>
        <source>Success rate</source>
        <translation>成功率</translation>
    </message>
    <message>
        <source>Median time to paid</source>
        <translation>支付耗时中位数</translation>
    </message>
    <message>
        <source>Not paid</source>
        <translation>未支付</translation>
    </message>
    <message>
        <source>Still paying</source>
        <translation>支付中</translation>
    </message>
</context>
<context>
    <name>paydesk::ui::WalletOpsModel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Movement</source>
        <translation>变动</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>单号</translation>
    </message>
    <message>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>paydesk::ui::WalletPage</name>
    <message>
        <source>%1: balance %2; topped up %3, refunds in %4, spent %5, withdrawn %6, held for withdrawals %7</source>
        <translation>%1：余额 %2；充值 %3，退回 %4，消费 %5，已提现 %6，提现冻结 %7</translation>
    </message>
    <message>
        <source>Type the member's number first.</source>
        <translation>请先输入会员号。</translation>
    </message>
    <message>
        <source>The amount must be above zero.</source>
        <translation>金额须大于零。</translation>
    </message>
    <message numerus="yes">
        <source>Withdrawals: at most %n a day per member and %1 a day in all; a second person approves each.</source>
        <translation>
            <numerusform>提现：每位会员每天最多 %n 笔，合计每天最多 %1；每笔须由第二人批准。</numerusform>
        </translation>
    </message>
    <message>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Cash top-up</source>
        <translation>现金充值</translation>
    </message>
    <message>
        <source>Top up</source>
        <translation>充值</translation>
    </message>
    <message>
        <source>Withdrawal</source>
        <translation>提现</translation>
    </message>
    <message>
        <source>note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Request withdrawal</source>
        <translation>申请提现</translation>
    </message>
</context>
</TS>
