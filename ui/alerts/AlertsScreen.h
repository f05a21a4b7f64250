#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QTableView;

namespace paydesk::ui {

struct CoreSession;
class ActorField;
class AlertsFilterProxy;
class AlertsTableModel;

// The alerts centre: every alert (or the open ones) with its severity,
// meaning, detail and history, filtered by severity and kind, acknowledged
// by a person with the role to, and a way to the order it is about. The
// texts are the counter's strip's.
class AlertsScreen : public QWidget
{
    Q_OBJECT
public:
    explicit AlertsScreen(CoreSession& core, QWidget* parent = nullptr);

    AlertsTableModel& model() const { return *m_model; }
    AlertsFilterProxy& shown() const { return *m_proxy; }
    void reload();
    // Selects the alert in the rows shown (false when it is not shown).
    bool select(qint64 alertId);
    void acknowledgeSelected();
    QString status() const;

Q_SIGNALS:
    void openOrderRequested(const QString& orderNo);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void showSelected();
    void refillKinds();
    qint64 selectedId() const;

    CoreSession& m_core;
    AlertsTableModel* m_model;
    AlertsFilterProxy* m_proxy;
    ActorField* m_actor;
    QCheckBox* m_openOnly;
    QLabel* m_severityLabel;
    QComboBox* m_severity;
    QLabel* m_kindLabel;
    QComboBox* m_kind;
    QPushButton* m_refresh;
    QTableView* m_view;
    QLabel* m_detail;
    QPushButton* m_acknowledge;
    QPushButton* m_openOrder;
    QLabel* m_status;
};

} // namespace paydesk::ui
