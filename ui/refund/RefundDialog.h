#pragma once

#include "api/PayDeskApi.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace paydesk::ui {

class PinGuard;

// Refund of a paid sale, full or partial, with a required reason and, when
// one is set, the supervisor's PIN (wrong tries lock refunds: PinGuard). One request number per
// dialog: pressing Refund twice asks the core once. The core decides what may be refunded.
class RefundDialog : public QDialog
{
    Q_OBJECT
public:
    RefundDialog(PayDeskApi& api, PinGuard& pinGuard, const QString& orderNo,
                 QWidget* parent = nullptr);

    // Once people log in, a refund the cashier may not make can be approved
    // on the spot: the supervisor's name and password, then the refund in
    // their name. `refund` logs them in, refunds and logs them out.
    using SupervisorRefund =
        std::function<void(const QString& name, const QString& password, const RefundCommand&,
                           std::function<void(const CommandOutcome&)>)>;
    void setSupervisorRefund(SupervisorRefund refund) { m_supervisorRefund = std::move(refund); }

    QString statusText() const;
    bool succeeded() const { return m_done; }
    void submit();

private:
    void load();

    PayDeskApi& m_api;
    PinGuard& m_pinGuard;
    QString m_orderNo;
    QString m_requestNo;
    qint64 m_refundableFen = 0;
    bool m_done = false;
    bool m_sending = false;
    QLabel* m_summary;
    QLineEdit* m_amount;
    QPushButton* m_full;
    QComboBox* m_reason;
    QLabel* m_pinLabel;
    QLineEdit* m_pin;
    QLabel* m_supervisorLabel;
    QLineEdit* m_supervisorName;
    QLineEdit* m_supervisorPassword;
    SupervisorRefund m_supervisorRefund;
    QLabel* m_status;
    QPushButton* m_refund;
    QPushButton* m_close;
};

} // namespace paydesk::ui
