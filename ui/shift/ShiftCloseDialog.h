#pragma once

#include "api/types/Shifts.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QTableView;

namespace paydesk::ui {

struct CoreSession;
class ActorField;
class ShiftReportModel;

// Closing the counter's shift (交班): asks first, then shows what the shift
// took, gave back and left open, by wallet, stored by the core; the slip is
// printed or saved as PDF; where people log in, the next one logs in from
// here.
class ShiftCloseDialog : public QDialog
{
    Q_OBJECT
public:
    ShiftCloseDialog(CoreSession& core, ShiftAccess& shifts, QWidget* parent = nullptr);

    ShiftReportModel& model() const { return *m_model; }
    void closeShift();
    // Writes the slip as PDF; an error text, empty on success.
    QString exportPdf(const QString& path) const;
    QString status() const;

protected:
    void changeEvent(QEvent* event) override;

Q_SIGNALS:
    // The shift is closed and the next person should log in.
    void nextPersonRequested();

private:
    void retranslate();
    void showReport(const ShiftReport& report);
    void print();
    void savePdf();

    CoreSession& m_core;
    ShiftAccess& m_shifts;
    ShiftReportModel* m_model;
    ActorField* m_actor;
    QLabel* m_text;
    QTableView* m_view;
    QLabel* m_open;
    QPushButton* m_close;
    QPushButton* m_print;
    QPushButton* m_pdf;
    QPushButton* m_next;
    QPushButton* m_done;
};

} // namespace paydesk::ui
