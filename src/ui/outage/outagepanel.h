// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// OutagePanel: the planned-outage run as it happens, in a dock of the main window — overall
// progress (n of m, data moved of the total, elapsed, time left), one row per instance, Pause,
// Resume and Abort all. A failed move under "stop and ask" is a prompt inside the panel (the
// error in words; Retry, Skip, Stop), never a dialog that takes the focus. When the run ends the
// report's totals appear with Export CSV… and Export PDF…. A run another process owns (a headless
// `kumo evacuate`, another window) is shown read-only (showWatchedRun): its owner named, no gesture.
// Thread: GUI.
// Owner: MainWindow (or a test); the Evacuation must outlive it. The panel follows the run's owner
// (Evacuation::execution()) and the Evacuation's own lines.
#pragma once

#include <optional>

#include <QPointer>
#include <QWidget>

#include "core/failurepolicy.h"
#include "core/outageprogress.h"
#include "core/outagereport.h"
#include "core/outagestate.h"

class QFrame;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;

namespace kumo {

class Evacuation;
class OutageExecution;
class OutageRunModel;

class OutagePanel : public QWidget
{
    Q_OBJECT

public:
    explicit OutagePanel(Evacuation* evacuation, QWidget* parent = nullptr);
    ~OutagePanel() override;

    [[nodiscard]] OutageRunModel* model() const { return m_model; }
    [[nodiscard]] QTableView* table() const { return m_table; }
    [[nodiscard]] bool hasRun() const { return m_hasRun; }
    [[nodiscard]] const OutageRun& run() const;

    // Shows a run (what the run owner's signals feed; tests and screenshots may call it too).
    void showRun(const OutageRun& run);
    // Shows a run that `owner` (a description of the other process) runs, read-only, as its state
    // file says; called again as the file changes. The run owner's own signals end it.
    void showWatchedRun(const OutageRun& run, const QString& owner);
    void clearWatched();
    [[nodiscard]] bool isWatching() const { return !m_watchedOwner.isEmpty(); }
    void setProgress(const OutageProgress& progress);
    // The run ended: the report with its totals and the export buttons.
    void showReport(const OutageRun& run);
    [[nodiscard]] const std::optional<OutageReport>& report() const { return m_report; }

    // A failed move waiting for Retry, Skip or Stop.
    void showFailure(int index, const QString& error);
    [[nodiscard]] bool isFailurePromptShown() const;
    [[nodiscard]] QString failureText() const;
    [[nodiscard]] QString progressText() const;
    [[nodiscard]] QString headerText() const;

    [[nodiscard]] QPushButton* pauseButton() const { return m_pause; }
    [[nodiscard]] QPushButton* resumeButton() const { return m_resume; }
    [[nodiscard]] QPushButton* abortButton() const { return m_abort; }
    [[nodiscard]] QPushButton* retryButton() const { return m_retry; }
    [[nodiscard]] QPushButton* skipButton() const { return m_skip; }
    [[nodiscard]] QPushButton* stopButton() const { return m_stop; }
    [[nodiscard]] QPushButton* exportCsvButton() const { return m_exportCsv; }
    [[nodiscard]] QPushButton* exportPdfButton() const { return m_exportPdf; }

    // Exports of the report shown; false with the reason in `error`.
    bool exportCsv(const QString& path, QString* error = nullptr) const;
    bool exportPdf(const QString& path, QString* error = nullptr) const;
    // Skips the confirmation of Abort all (tests, scripted use).
    void setConfirmAbort(bool confirm) { m_confirmAbort = confirm; }

Q_SIGNALS:
    // A run appeared (or was found again): the dock should be shown.
    void runShown();

protected:
    void changeEvent(QEvent* event) override;

private:
    void onStateChanged();
    void onMoveChanged();
    void onProgressChanged();
    void abortAll();
    void resolve(FailureDecision decision);
    void chooseExport(bool pdf);
    void updateButtons();
    void updateHeader();
    void updateReportText();
    void retranslate();
    [[nodiscard]] QString siteName(const QString& id) const;

    QPointer<Evacuation> m_evacuation;
    QPointer<OutageExecution> m_execution; // the Evacuation's run owner
    OutageRunModel* m_model;
    bool m_hasRun = false;
    OutageProgress m_progress;
    std::optional<OutageReport> m_report;
    int m_failedIndex = -1;
    QString m_failedError;
    QString m_lastMessage;
    bool m_confirmAbort = true;
    QString m_watchedOwner; // not empty: the run shown is another process's

    QLabel* m_header = nullptr;
    QProgressBar* m_bar = nullptr;
    QLabel* m_figures = nullptr;
    QPushButton* m_pause = nullptr;
    QPushButton* m_resume = nullptr;
    QPushButton* m_abort = nullptr;
    QFrame* m_prompt = nullptr;
    QLabel* m_promptText = nullptr;
    QPushButton* m_retry = nullptr;
    QPushButton* m_skip = nullptr;
    QPushButton* m_stop = nullptr;
    QTableView* m_table = nullptr;
    QFrame* m_reportBox = nullptr;
    QLabel* m_reportText = nullptr;
    QPushButton* m_exportCsv = nullptr;
    QPushButton* m_exportPdf = nullptr;
    QLabel* m_message = nullptr;
};

} // namespace kumo
