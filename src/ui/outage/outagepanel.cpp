// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/outage/outagepanel.h"

#include <QEvent>
#include <QFileDialog>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

#include "app/cluster/clustercontroller.h"
#include "app/i18n/language.h"
#include "app/outage/evacuation.h"
#include "app/outage/outageexecution.h"
#include "core/savefile.h"
#include "core/sentences.h"
#include "ui/modelformat.h"
#include "ui/outage/outagereportpdf.h"
#include "ui/outage/outagerunmodel.h"
#include "ui/plaintext.h"

namespace kumo {

namespace {

const OutageRun EmptyRun;

} // namespace

OutagePanel::OutagePanel(Evacuation* evacuation, QWidget* parent)
    : QWidget(parent)
    , m_evacuation(evacuation)
    , m_execution(evacuation ? evacuation->execution() : nullptr)
    , m_model(new OutageRunModel(this))
{
    setObjectName(QStringLiteral("outagePanel"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);

    auto* top = new QHBoxLayout;
    m_header = new QLabel(this);
    QFont bold = m_header->font();
    bold.setBold(true);
    m_header->setFont(bold);
    m_header->setTextFormat(Qt::PlainText);
    top->addWidget(m_header, 1);
    m_pause = new QPushButton(style()->standardIcon(QStyle::SP_MediaPause), QString(), this);
    m_resume = new QPushButton(style()->standardIcon(QStyle::SP_MediaPlay), QString(), this);
    m_abort = new QPushButton(style()->standardIcon(QStyle::SP_BrowserStop), QString(), this);
    top->addWidget(m_pause);
    top->addWidget(m_resume);
    top->addWidget(m_abort);
    layout->addLayout(top);

    auto* progressRow = new QHBoxLayout;
    m_bar = new QProgressBar(this);
    m_bar->setRange(0, 1);
    m_bar->setValue(0);
    m_figures = new QLabel(this);
    m_figures->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_figures->setTextFormat(Qt::PlainText);
    progressRow->addWidget(m_bar, 1);
    progressRow->addWidget(m_figures, 2);
    layout->addLayout(progressRow);

    // The failure prompt: in the panel, where the run is watched, not a dialog taking the focus.
    m_prompt = new QFrame(this);
    m_prompt->setObjectName(QStringLiteral("failurePrompt"));
    m_prompt->setFrameShape(QFrame::StyledPanel);
    m_prompt->setStyleSheet(
        QStringLiteral("#failurePrompt { background: #fdecea; border: 1px solid #c92a2a; }"));
    auto* promptLayout = new QHBoxLayout(m_prompt);
    auto* icon = new QLabel(m_prompt);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(32, 32));
    m_promptText = new QLabel(m_prompt);
    m_promptText->setWordWrap(true);
    // Bold on purpose; every name and message in it is escaped.
    m_promptText->setTextFormat(Qt::RichText);
    m_promptText->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_retry = new QPushButton(m_prompt);
    m_skip = new QPushButton(m_prompt);
    m_stop = new QPushButton(m_prompt);
    promptLayout->addWidget(icon, 0, Qt::AlignTop);
    promptLayout->addWidget(m_promptText, 1);
    promptLayout->addWidget(m_retry);
    promptLayout->addWidget(m_skip);
    promptLayout->addWidget(m_stop);
    m_prompt->hide();
    layout->addWidget(m_prompt);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("outageRunTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setTabKeyNavigation(false);
    layout->addWidget(m_table, 1);

    m_reportBox = new QFrame(this);
    m_reportBox->setFrameShape(QFrame::StyledPanel);
    auto* reportLayout = new QHBoxLayout(m_reportBox);
    m_reportText = new QLabel(m_reportBox);
    m_reportText->setWordWrap(true);
    m_reportText->setTextFormat(Qt::RichText); // figures only, no names
    m_reportText->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_exportCsv = new QPushButton(m_reportBox);
    m_exportPdf = new QPushButton(m_reportBox);
    reportLayout->addWidget(m_reportText, 1);
    reportLayout->addWidget(m_exportCsv);
    reportLayout->addWidget(m_exportPdf);
    m_reportBox->hide();
    layout->addWidget(m_reportBox);

    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setStyleSheet(QStringLiteral("color: palette(mid);"));
    layout->addWidget(m_message);

    setTabOrder(m_pause, m_resume);
    setTabOrder(m_resume, m_abort);
    setTabOrder(m_abort, m_retry);
    setTabOrder(m_retry, m_skip);
    setTabOrder(m_skip, m_stop);
    setTabOrder(m_stop, m_table);
    setTabOrder(m_table, m_exportCsv);
    setTabOrder(m_exportCsv, m_exportPdf);

    connect(m_pause, &QPushButton::clicked, this, [this] {
        if (m_execution)
            m_execution->pause();
    });
    connect(m_resume, &QPushButton::clicked, this, [this] {
        if (m_execution)
            m_execution->resume();
    });
    connect(m_abort, &QPushButton::clicked, this, &OutagePanel::abortAll);
    connect(m_retry, &QPushButton::clicked, this, [this] { resolve(FailureDecision::Retry); });
    connect(m_skip, &QPushButton::clicked, this, [this] { resolve(FailureDecision::Skip); });
    connect(m_stop, &QPushButton::clicked, this, [this] { resolve(FailureDecision::Stop); });
    connect(m_exportCsv, &QPushButton::clicked, this, [this] { chooseExport(false); });
    connect(m_exportPdf, &QPushButton::clicked, this, [this] { chooseExport(true); });

    if (evacuation) {
        const auto showMessage = [this](const QString& line) {
            m_lastMessage = line;
            m_message->setText(line);
        };
        connect(evacuation, &Evacuation::message, this, showMessage);
        OutageExecution* execution = evacuation->execution();
        connect(execution, &OutageExecution::stateChanged, this, &OutagePanel::onStateChanged);
        connect(execution, &OutageExecution::moveChanged, this, &OutagePanel::onMoveChanged);
        connect(execution, &OutageExecution::progressChanged, this, &OutagePanel::onProgressChanged);
        connect(execution, &OutageExecution::moveFailed, this, &OutagePanel::showFailure);
        connect(execution, &OutageExecution::runFinished, this, &OutagePanel::showReport);
        connect(execution, &OutageExecution::message, this, showMessage);
        connect(execution, &OutageExecution::storeFailed, this, [this](const Error& error) {
            m_lastMessage =
                tr("The outage state file could not be written, so the run stopped: %1").arg(error.message);
            m_message->setText(m_lastMessage);
        });
    }
    retranslate();
    onStateChanged();
}

OutagePanel::~OutagePanel() = default;

const OutageRun& OutagePanel::run() const
{
    return m_hasRun ? m_model->run() : EmptyRun;
}

QString OutagePanel::siteName(const QString& id) const
{
    const Site* site = m_evacuation ? m_evacuation->cluster()->inventory().site(id) : nullptr;
    return site ? site->displayName(language::current()) : id;
}

void OutagePanel::onStateChanged()
{
    const OutageState* state = m_execution ? m_execution->state() : nullptr;
    const OutageRun* active = state ? state->activeRun() : nullptr;
    if (active && !active->plan.moves.isEmpty()) {
        m_watchedOwner.clear(); // this console runs one itself now
        showRun(*active);
    }
    if (m_execution && m_execution->waitingDecision() < 0 && m_prompt->isVisible())
        m_prompt->hide();
    updateButtons();
    updateHeader();
}

void OutagePanel::onMoveChanged()
{
    const OutageState* state = m_execution ? m_execution->state() : nullptr;
    if (const OutageRun* active = state ? state->activeRun() : nullptr)
        showRun(*active);
}

void OutagePanel::onProgressChanged()
{
    if (m_execution)
        setProgress(m_execution->progress());
    m_model->tick();
}

void OutagePanel::showRun(const OutageRun& run)
{
    const bool first = !m_hasRun || run.plan.id != m_model->run().plan.id;
    m_hasRun = true;
    if (first) {
        m_report.reset();
        m_reportBox->hide();
    }
    m_model->setRun(run);
    if (first) {
        m_table->resizeColumnsToContents();
        Q_EMIT runShown();
    }
    updateButtons();
    updateHeader();
}

void OutagePanel::showWatchedRun(const OutageRun& run, const QString& owner)
{
    m_watchedOwner = owner;
    m_prompt->hide();
    showRun(run);
    OutageProgress progress = OutageProgress::of(run, {}, 0, 0);
    if (run.started.isValid())
        progress.elapsedMs = run.started.msecsTo(QDateTime::currentDateTimeUtc());
    setProgress(progress);
}

void OutagePanel::clearWatched()
{
    if (m_watchedOwner.isEmpty())
        return;
    m_watchedOwner.clear();
    updateButtons();
    updateHeader();
}

void OutagePanel::setProgress(const OutageProgress& progress)
{
    m_progress = progress;
    m_bar->setRange(0, std::max(1, progress.total));
    m_bar->setValue(progress.done + progress.failed + progress.skipped);
    m_bar->setFormat(tr("%1 of %2 moved").arg(progress.done).arg(progress.total));
    QStringList parts;
    parts.append(tr("Data: %1 of %2")
                     .arg(format::memoryKiB(progress.bytesMoved / 1024),
                          format::memoryKiB(progress.bytesTotal / 1024)));
    parts.append(tr("Elapsed: %1").arg(formatDurationMs(progress.elapsedMs)));
    if (progress.etaMs >= 0)
        parts.append(tr("About %1 left").arg(formatDurationMs(progress.etaMs)));
    if (progress.failed > 0)
        parts.append(tr("%n failed", nullptr, progress.failed));
    m_figures->setText(Sentences::figures(parts));
    m_bar->setAccessibleDescription(m_figures->text());
}

QString OutagePanel::progressText() const
{
    return Sentences::figures({m_bar->format(), m_figures->text()});
}

QString OutagePanel::headerText() const
{
    return m_header->text();
}

void OutagePanel::showFailure(int index, const QString& error)
{
    m_failedIndex = index;
    m_failedError = error;
    const MoveRecord* record =
        index >= 0 && index < run().records.size() ? &run().records.at(index) : nullptr;
    const QString name = record ? record->move.name : tr("An instance");
    const QString to = record ? record->move.toNode : QString();
    m_promptText->setText(tr("<b>Moving %1 to %2 failed.</b> %3<br>The run is stopped. %1 stays where it is. "
                             "Try the move again, skip this instance and go on, or leave the run stopped "
                             "(it can be resumed later).")
                              .arg(escapedForRichText(isolatedName(name)),
                                   escapedForRichText(isolatedName(to)), escapedForRichText(error)));
    m_prompt->show();
    // Seen, not forced: the panel's dock is shown but the focus stays where the person works.
    Q_EMIT runShown();
}

bool OutagePanel::isFailurePromptShown() const
{
    return !m_prompt->isHidden();
}

QString OutagePanel::failureText() const
{
    return m_promptText->text();
}

void OutagePanel::resolve(FailureDecision decision)
{
    m_prompt->hide();
    m_failedIndex = -1;
    if (m_execution)
        m_execution->resolveFailure(decision);
}

void OutagePanel::abortAll()
{
    if (!m_execution)
        return;
    if (!m_confirmAbort) {
        m_execution->abortAll();
        return;
    }
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Abort all moves"),
                                tr("Running moves are cancelled; the instances stay where they are."),
                                QMessageBox::NoButton, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(tr("The run stays stopped and can be resumed later."));
    QPushButton* abort = box->addButton(tr("Abort All"), QMessageBox::DestructiveRole);
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(QMessageBox::Cancel);
    connect(box, &QMessageBox::finished, this, [this, box, abort] {
        if (box->clickedButton() == abort && m_execution)
            m_execution->abortAll();
    });
    box->open();
}

void OutagePanel::showReport(const OutageRun& run)
{
    showRun(run);
    // The figures of the run as it ended (the report of an earlier run has no live figures).
    qint64 elapsedMs = run.elapsedMs;
    if (elapsedMs < 0)
        elapsedMs = run.started.isValid() && run.finished.isValid() ? run.started.msecsTo(run.finished) : 0;
    setProgress(OutageProgress::of(run, {}, elapsedMs, 0));
    m_report = OutageReport::fromRun(run, siteName(run.plan.site));
    m_reportBox->show();
    updateReportText();
    updateButtons();
    updateHeader();
}

void OutagePanel::updateReportText()
{
    if (!m_report)
        return;
    const OutageReport& r = *m_report;
    m_reportText->setText(tr("<b>Report:</b> %1 moved, %2 failed, %3 skipped · total time %4 · data %5 · "
                             "longest downtime %6")
                              .arg(r.moved)
                              .arg(r.failed)
                              .arg(r.skipped)
                              .arg(formatDurationMs(r.totalMs), format::memoryKiB(r.totalBytes / 1024),
                                   formatDurationMs(r.maxDowntimeMs)));
    if (r.serviceSilent > 0)
        m_reportText->setText(m_reportText->text() +
                              tr(" · <b>the service of %n instance(s) did not answer after the move</b>",
                                 nullptr, r.serviceSilent));
}

bool OutagePanel::exportCsv(const QString& path, QString* error) const
{
    if (!m_report) {
        if (error)
            *error = tr("There is no report yet.");
        return false;
    }
    if (const auto failed = saveFile(path, m_report->toCsv())) {
        if (error)
            *error = *failed;
        return false;
    }
    return true;
}

bool OutagePanel::exportPdf(const QString& path, QString* error) const
{
    if (!m_report) {
        if (error)
            *error = tr("There is no report yet.");
        return false;
    }
    const Result<void> written = OutageReportPdf(*m_report).write(path);
    if (!written && error)
        *error = written.error().message;
    return written.ok();
}

void OutagePanel::chooseExport(bool pdf)
{
    if (!m_report)
        return;
    const QString base =
        QStringLiteral("outage-%1-%2")
            .arg(m_report->site, m_report->started.toLocalTime().toString(QStringLiteral("yyyyMMdd-HHmm")));
    auto* dialog =
        new QFileDialog(this, pdf ? tr("Export the report as PDF") : tr("Export the report as CSV"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setNameFilter(pdf ? tr("PDF documents (*.pdf)") : tr("CSV files (*.csv)"));
    dialog->setDefaultSuffix(pdf ? QStringLiteral("pdf") : QStringLiteral("csv"));
    dialog->selectFile(base + (pdf ? QStringLiteral(".pdf") : QStringLiteral(".csv")));
    connect(dialog, &QFileDialog::fileSelected, this, [this, pdf](const QString& path) {
        QString error;
        const bool ok = pdf ? exportPdf(path, &error) : exportCsv(path, &error);
        if (ok) {
            m_message->setText(tr("Report written to %1").arg(path));
            return;
        }
        auto* box =
            new QMessageBox(QMessageBox::Warning, tr("Export failed"),
                            tr("The report could not be written to %1.").arg(path), QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->setInformativeText(error);
        showAsPlainText(box);
        box->open();
    });
    dialog->open();
}

void OutagePanel::updateButtons()
{
    const OutageState* state = m_execution ? m_execution->state() : nullptr;
    const OutageRun* active = state ? state->activeRun() : nullptr;
    // Another process's run: looked at, never touched from here.
    const RunState runState = active && m_watchedOwner.isEmpty() ? active->state : RunState::NotStarted;
    m_pause->setEnabled(runState == RunState::Running);
    m_resume->setEnabled(runState == RunState::Paused || runState == RunState::Stopped);
    m_abort->setEnabled(runState == RunState::Running || runState == RunState::Paused);
    m_exportCsv->setEnabled(m_report.has_value());
    m_exportPdf->setEnabled(m_report.has_value());
}

void OutagePanel::updateHeader()
{
    // No figures without a run ("0 of 0 moved, elapsed 0 ms" says nothing).
    m_bar->setVisible(m_hasRun);
    m_figures->setVisible(m_hasRun);
    if (!m_hasRun) {
        m_header->setText(tr("No planned outage is running."));
        return;
    }
    const OutageRun& current = run();
    const QString site = siteName(current.plan.site);
    const QString what = current.plan.direction == OutageDirection::Return ? tr("Return home: %1").arg(site)
                                                                           : tr("Evacuation of %1").arg(site);
    m_header->setText(tr("%1 — %2").arg(what, runStateText(current.state)));
    if (!m_watchedOwner.isEmpty())
        m_header->setText(tr("%1 — run by %2 (read-only here)").arg(m_header->text(), m_watchedOwner));
}

void OutagePanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void OutagePanel::retranslate()
{
    m_pause->setText(tr("&Pause"));
    m_pause->setToolTip(tr("Running moves finish; no new move starts."));
    m_resume->setText(tr("&Resume"));
    m_abort->setText(tr("&Abort All"));
    m_abort->setToolTip(tr("Running moves are cancelled; the instances stay where they are."));
    m_retry->setText(tr("Re&try"));
    m_skip->setText(tr("S&kip"));
    m_stop->setText(tr("&Stop"));
    m_retry->setToolTip(tr("Try this move again."));
    m_skip->setToolTip(tr("Leave this instance where it is and go on with the others."));
    m_stop->setToolTip(tr("Keep the run stopped; it can be resumed later."));
    m_exportCsv->setText(tr("Export &CSV…"));
    m_exportPdf->setText(tr("Export P&DF…"));
    m_table->setAccessibleName(tr("Moves of the outage run"));
    m_bar->setAccessibleName(tr("Outage progress"));
    m_prompt->setAccessibleName(tr("Failed move"));
    if (m_failedIndex >= 0)
        showFailure(m_failedIndex, m_failedError);
    setProgress(m_progress);
    updateHeader();
    updateReportText();
}

} // namespace kumo
