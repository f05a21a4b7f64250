#pragma once

#include "api/PayDeskApi.h"

#include <QWidget>

class QLabel;
class QListView;
class QPushButton;

namespace paydesk::ui {

class AlertsModel;

// A thin strip above the screens: open alerts from the core (newest first),
// Acknowledge, and Open order for the selected one. Hidden when none is open.
class AlertsStrip : public QWidget
{
    Q_OBJECT
public:
    AlertsStrip(PayDeskApi& api, QWidget* parent = nullptr);

    AlertsModel& model() { return *m_model; }
    QListView* view() const { return m_view; }
    void setAcknowledgedBy(const QString& who) { m_who = who; }
    void acknowledgeSelected();

Q_SIGNALS:
    void openOrderRequested(const QString& orderNo);

protected:
    void changeEvent(QEvent* event) override;

private:
    void update();
    void retranslate();

    AlertsModel* m_model;
    QLabel* m_title;
    QListView* m_view;
    QPushButton* m_ack;
    QPushButton* m_open;
    QString m_who = QStringLiteral("counter");
};

} // namespace paydesk::ui
