#pragma once

#include "api/types/BackOffice.h"
#include "api/types/Reconciliation.h"

#include <QWidget>

#include <functional>

class QCheckBox;
class QComboBox;
class QHBoxLayout;
class QDateEdit;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableView;

namespace paydesk::ui {

struct CoreSession;
class ActorField;
class DifferencesModel;
class ReconReportModel;

// The reconciliation workbench for accounting staff: pick a channel and a
// day, download its bill or drop a file, run it, read the run's report
// (exported as CSV and PDF), then work the differences: explain one, assign
// it, propose a write-off or a recovery, and (another person) approve or
// reject the proposal. Each step is offered only to the roles that may
// take it; the core refuses the rest.
class ReconScreen : public QWidget
{
    Q_OBJECT
public:
    explicit ReconScreen(CoreSession& core, QWidget* parent = nullptr);

    ReconReportModel& report() const { return *m_reportModel; }
    DifferencesModel& differences() const { return *m_diffModel; }

    void setChannel(const QString& channel);
    void setDay(const QDate& day);
    // Reconciles the chosen day: with the bill file at `billPath`, or
    // downloaded through the channel when empty.
    void reconcile(const QString& billPath = QString());
    // Writes the report shown as CSV or PDF; an error text, empty on success.
    QString exportReport(const QString& path, bool pdf) const;
    // Reads the differences again (all days, or only needing a person).
    void reloadDifferences();
    bool selectDifference(qint64 id);
    // The steps on the selected difference, with the reason typed.
    void resolveSelected();
    void proposeWriteOffSelected();
    void proposeRecoverySelected();
    void decideSelected(bool approve);
    void assignSelected();
    QString status() const;

protected:
    void changeEvent(QEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    QWidget* buildRunBox();
    QWidget* buildDifferenceBox();
    void retranslate();
    void applyPermissions();
    void showStatus(const QString& text);
    void setRunning(bool running);
    void showSelected();
    // The selected difference, or null after saying so.
    // The difference the list's cursor is on, or null.
    const ReconDifference* current() const;
    // The same, telling the person to pick one when there is none.
    const ReconDifference* selected();
    // Runs one step on the selected difference and shows its outcome.
    void
    step(const std::function<void(const ReconDifference&, const QString& by, const QString& reason,
                                  std::function<void(const BackOfficeOutcome&)>)>& call,
         bool needsReason);
    void exportAsked(bool pdf);

    CoreSession& m_core;
    ActorField* m_actor;
    QLabel* m_channelLabel;
    QComboBox* m_channel;
    QLabel* m_dayLabel;
    QDateEdit* m_day;
    QPushButton* m_download;
    QPushButton* m_fromFile;
    QProgressBar* m_progress;
    QHBoxLayout* m_runControls; // channel, day and the run's buttons, above both halves
    QLabel* m_status;
    ReconReportModel* m_reportModel;
    QTableView* m_reportView;
    QPushButton* m_exportCsv;
    QPushButton* m_exportPdf;
    QCheckBox* m_needsAction;
    DifferencesModel* m_diffModel;
    QTableView* m_diffView;
    QLabel* m_diffDetail;
    QLabel* m_reasonLabel;
    QLineEdit* m_reason;
    QPushButton* m_resolve;
    QPushButton* m_writeOff;
    QPushButton* m_recover;
    QPushButton* m_approve;
    QPushButton* m_reject;
    QLineEdit* m_owner;
    QPushButton* m_assign;
    bool m_running = false;
};

} // namespace paydesk::ui
