#pragma once

#include "api/PayDeskApi.h"
#include "cashier/SaleView.h"

#include <QObject>
#include <QTimer>

namespace paydesk::ui {

// The sale on the counter: sends the cashier's commands to the facade and
// follows the order through the facade's signals, re-reading orderDetails()
// on every change. It decides nothing: the view is what the core reports.
class SaleSession : public QObject
{
    Q_OBJECT
public:
    SaleSession(PayDeskApi& api, QObject* parent = nullptr);

    const SaleView& view() const { return m_view; }
    bool busy() const { return m_view.busy(); }

    // Charges a payment code. Refused (returns false) while a sale is busy:
    // one sale at a time, one request number per sale.
    bool charge(const Money& amount, const QString& paymentCode, const QString& note);
    // Starts a merchant-presented QR sale; the code URL arrives in qrReady().
    bool presentQr(const Money& amount, Wallet wallet, const QString& note);
    // Asks the core to revoke the sale's payment; the outcome follows by signals.
    void revoke();
    // Back to "ready" once the sale is final.
    void reset();
    // The language changed: words again from the same facts.
    void retranslate();

Q_SIGNALS:
    void viewChanged(const paydesk::ui::SaleView& view);
    void qrReady(const QString& codeUrl);
    void saleFinished(const QString& orderNo);
    // A message from a command's reply (e.g. the revoke's), for a status line.
    void notice(const QString& message);

private:
    void follow(const QString& orderNo);
    void scheduleRefresh();
    void refresh();
    void setView(const SaleView& v);
    static QString newRequestNo();

    void onLinkChanged(bool up);

    PayDeskApi& m_api;
    SaleView m_view;
    QString m_orderNo;
    QTimer m_refreshTimer; // coalesces bursts of signals into one read
    bool m_awaitingReply = false;
};

} // namespace paydesk::ui
