#include "DemoData.h"

#include "sandbox/SandboxBehaviour.h"

namespace paydesk::app {

void addSampleOrders(PayDeskApi& api)
{
    struct Sample
    {
        const char* requestNo;
        qint64 amountFen;
        Wallet wallet;
        SandboxBehaviour behaviour;
        const char* note;
        qint64 refundFen;
    };
    static const Sample samples[] = {
        {"demo-sample-1", 1280, Wallet::WeChat, SandboxBehaviour::InstantSuccess, "coffee", 0},
        {"demo-sample-2", 3650, Wallet::Alipay, SandboxBehaviour::InstantSuccess, "lunch set",
         1200},
        {"demo-sample-3", 899, Wallet::WeChat, SandboxBehaviour::InsufficientFunds, "snacks", 0},
        {"demo-sample-4", 15800, Wallet::UnionPay, SandboxBehaviour::InstantSuccess, "books", 0},
    };
    for (const Sample& s : samples) {
        PayCommand cmd{QString::fromLatin1(s.requestNo),
                       Money::fromFen(s.amountFen),
                       sandboxCode(s.wallet, s.behaviour),
                       QString::fromUtf8(s.note),
                       {}};
        const qint64 refundFen = s.refundFen;
        const QString refundRequest = QString::fromLatin1(s.requestNo) + QStringLiteral("-refund");
        PayDeskApi* a = &api;
        api.pay(cmd, [a, refundFen, refundRequest](const CommandOutcome& o) {
            if (!o.ok() || refundFen == 0)
                return;
            // Refund once the sale is paid (instant in the sandbox).
            auto conn = std::make_shared<QMetaObject::Connection>();
            *conn = QObject::connect(
                a, &PayDeskApi::orderChanged, a,
                [a, conn, refundFen, refundRequest, orderNo = o.orderNo](const QString& no,
                                                                         int state) {
                    if (no != orderNo || state != int(OrderState::Paid))
                        return;
                    QObject::disconnect(*conn);
                    a->refund(RefundCommand{refundRequest, orderNo, Money::fromFen(refundFen),
                                            QStringLiteral("demo: item returned")},
                              [](const CommandOutcome&) {});
                });
        });
    }
}

} // namespace paydesk::app
