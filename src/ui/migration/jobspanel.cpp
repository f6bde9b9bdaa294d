// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/migration/jobspanel.h"

#include <algorithm>

#include <QAction>
#include <QApplication>
#include <QEvent>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QPainter>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

#include "app/migration/migrationqueue.h"
#include "core/result.h"
#include "ui/migration/jobsmodel.h"
#include "ui/plaintext.h"

namespace kumo {

namespace {

// Paints the Progress column as a native progress bar with the percentage on it.
class ProgressDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        const int percent = index.data(JobsModel::PercentRole).toInt();
        const auto phase = MigrationPhase(index.data(JobsModel::PhaseRole).toInt());
        QStyleOptionViewItem background = option;
        initStyleOption(&background, index);
        background.text.clear();
        QStyle* style = option.widget ? option.widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &background, painter, option.widget);
        if (percent < 0 && phase != MigrationPhase::Queued && phase != MigrationPhase::Starting)
            return;
        QStyleOptionProgressBar bar;
        bar.rect = option.rect.adjusted(3, 3, -3, -3);
        bar.minimum = 0;
        // Starting: libvirt has not said how much there is yet; a busy bar says "working".
        bar.maximum = phase == MigrationPhase::Starting && percent < 0 ? 0 : 100;
        bar.progress = std::max(percent, 0);
        bar.text = index.data(Qt::DisplayRole).toString();
        bar.textVisible = !bar.text.isEmpty();
        bar.textAlignment = Qt::AlignCenter;
        bar.state = option.state | QStyle::State_Horizontal;
        bar.direction = option.direction;
        bar.fontMetrics = option.fontMetrics;
        bar.palette = option.palette;
        if (phase == MigrationPhase::Failed || phase == MigrationPhase::Cancelled)
            bar.state &= ~QStyle::State_Enabled;
        style->drawControl(QStyle::CE_ProgressBar, &bar, painter, option.widget);
    }

    [[nodiscard]] QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        QSize size = QStyledItemDelegate::sizeHint(option, index);
        size.setWidth(std::max(size.width(), 110));
        return size;
    }
};

} // namespace

JobsPanel::JobsPanel(MigrationQueue* queue, QWidget* parent)
    : QWidget(parent)
    , m_queue(queue)
    , m_model(new JobsModel(queue, this))
    , m_table(new QTableView(this))
    , m_toolBar(new QToolBar(this))
    , m_message(new QLabel(this))
    , m_cancel(new QAction(this))
    , m_bandwidth(new QAction(this))
    , m_downtime(new QAction(this))
    , m_postCopy(new QAction(this))
    , m_clear(new QAction(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_toolBar->setIconSize(QSize(16, 16));
    m_toolBar->addAction(m_cancel);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_bandwidth);
    m_toolBar->addAction(m_downtime);
    m_toolBar->addAction(m_postCopy);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_clear);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_table, 1);
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setVisible(false);
    layout->addWidget(m_message);

    m_table->setModel(m_model);
    m_table->setItemDelegateForColumn(int(JobsModel::Column::Progress), new ProgressDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setVisible(false);
    // The notes (the outcome: "Took 12 s, moved 2.1 GiB, downtime 40 ms") take the room left; the
    // other columns have the width of their figures, so that every column fits the window.
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setSectionResizeMode(int(JobsModel::Column::Outcome), QHeaderView::Stretch);
    setColumnWidths();
    // Headers change with the language, after the font: fit them again.
    connect(m_model, &QAbstractItemModel::headerDataChanged, this, &JobsPanel::setColumnWidths);

    m_cancel->setShortcut(QKeySequence::Delete);
    m_cancel->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_cancel, &QAction::triggered, this, &JobsPanel::cancelSelected);
    connect(m_bandwidth, &QAction::triggered, this, &JobsPanel::setBandwidthOfSelected);
    connect(m_downtime, &QAction::triggered, this, &JobsPanel::setMaxDowntimeOfSelected);
    connect(m_postCopy, &QAction::triggered, this, &JobsPanel::switchSelectedToPostCopy);
    connect(m_clear, &QAction::triggered, m_model, &JobsModel::clearFinished);
    addAction(m_cancel);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &JobsPanel::updateActions);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &JobsPanel::updateActions);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &JobsPanel::updateActions);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &JobsPanel::updateActions);
    connect(queue, &MigrationQueue::tuningFailed, this, &JobsPanel::onTuningFailed);
    retranslate();
    updateActions();
}

JobsPanel::~JobsPanel() = default;

quint64 JobsPanel::selectedJob() const
{
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? m_model->jobAt(current.row()) : 0;
}

void JobsPanel::selectJob(quint64 id)
{
    const int row = m_model->rowOf(id);
    if (row >= 0)
        m_table->selectRow(row);
}

void JobsPanel::updateActions()
{
    const quint64 id = selectedJob();
    const bool finished = id == 0 || m_model->isFinished(id);
    const MigrationPhase phase = m_model->phase(id);
    const bool running = !finished && phase != MigrationPhase::Queued;
    m_cancel->setEnabled(!finished && phase != MigrationPhase::PostCopy);
    m_bandwidth->setEnabled(running);
    m_downtime->setEnabled(running && phase != MigrationPhase::PostCopy);
    m_postCopy->setEnabled(running && phase == MigrationPhase::Transferring &&
                           m_model->request(id).options.allowPostCopy);
    bool anyFinished = false;
    for (int row = 0; row < m_model->rowCount() && !anyFinished; ++row)
        anyFinished = m_model->isFinished(m_model->jobAt(row));
    m_clear->setEnabled(anyFinished);
}

void JobsPanel::cancelSelected()
{
    if (const quint64 id = selectedJob(); id != 0 && !m_model->isFinished(id))
        m_queue->cancel(id);
}

void JobsPanel::setBandwidthOfSelected()
{
    const quint64 id = selectedJob();
    if (id == 0 || m_model->isFinished(id))
        return;
    const MigrationRequest request = m_model->request(id);
    bool ok = false;
    const int value = QInputDialog::getInt(this, tr("Bandwidth of %1").arg(request.name),
                                           tr("Bandwidth limit in MiB/s (0: unlimited):"),
                                           int(request.options.bandwidthMiBs), 0, 100000, 1, &ok);
    if (!ok || m_model->isFinished(id))
        return;
    m_queue->setBandwidth(id, quint64(value));
    m_model->noteBandwidth(id, quint64(value));
}

void JobsPanel::setMaxDowntimeOfSelected()
{
    const quint64 id = selectedJob();
    if (id == 0 || m_model->isFinished(id))
        return;
    const MigrationRequest request = m_model->request(id);
    bool ok = false;
    const int value =
        QInputDialog::getInt(this, tr("Maximum downtime of %1").arg(request.name),
                             tr("Longest pause allowed at switch-over, in milliseconds:"),
                             int(std::max<qint64>(request.options.maxDowntimeMs, 300)), 1, 600000, 50, &ok);
    if (!ok || m_model->isFinished(id))
        return;
    m_queue->setMaxDowntime(id, value);
    m_model->noteMaxDowntime(id, value);
}

void JobsPanel::switchSelectedToPostCopy()
{
    const quint64 id = selectedJob();
    if (id != 0 && m_postCopy->isEnabled())
        m_queue->switchToPostCopy(id);
}

void JobsPanel::onTuningFailed(quint64 id, const Error& error)
{
    const MigrationRequest request = m_model->request(id);
    QString reason = error.message;
    if (!error.detail.isEmpty())
        reason = reason.isEmpty() ? error.detail
                                  : tr("%1 (%2)", "message (libvirt detail)").arg(reason, error.detail);
    m_message->setText(
        tr("Could not change the migration of %1: %2").arg(isolatedName(request.name), reason));
    m_message->setVisible(true);
}

void JobsPanel::retranslate()
{
    m_cancel->setText(tr("&Cancel migration"));
    m_cancel->setToolTip(tr("Stop the selected migration; the instance keeps running where it was"));
    m_bandwidth->setText(tr("Set &bandwidth…"));
    m_bandwidth->setToolTip(tr("Change the bandwidth limit of the running migration"));
    m_downtime->setText(tr("Set maximum &downtime…"));
    m_downtime->setToolTip(tr("Change the longest pause allowed when the instance switches over"));
    m_postCopy->setText(tr("Switch to &post-copy"));
    m_postCopy->setToolTip(
        tr("Run the instance on the destination now and copy the rest of its memory on demand "
           "(only for migrations started with post-copy allowed)"));
    m_clear->setText(tr("C&lear finished"));
    m_clear->setToolTip(tr("Remove completed, failed and cancelled migrations from the list"));
    for (QAction* action : {m_cancel, m_bandwidth, m_downtime, m_postCopy, m_clear})
        action->setIconText(toolBarText(action->text()));
    m_toolBar->setAccessibleName(tr("Migration job actions"));
    m_table->setAccessibleName(tr("Migration jobs"));
    m_table->setAccessibleDescription(
        tr("One row per migration: instance, route, phase, progress, data, rates and "
           "the outcome. Delete cancels the selected migration."));
    setAccessibleName(tr("Migrations"));
}

void JobsPanel::setColumnWidths()
{
    // Room for `chars` Latin characters (names, figures) and for the header, whichever is wider:
    // a CJK font's average character is a wide one, which would make every column too wide.
    const QFontMetrics metrics = fontMetrics();
    const QFontMetrics headerMetrics = m_table->horizontalHeader()->fontMetrics();
    const auto width = [&](JobsModel::Column column, int chars) {
        const QString header = m_model->headerData(int(column), Qt::Horizontal).toString();
        m_table->setColumnWidth(int(column),
                                std::max(metrics.horizontalAdvance(QString(chars, QLatin1Char('x'))),
                                         headerMetrics.horizontalAdvance(header)) +
                                    12);
    };
    width(JobsModel::Column::Instance, 10);
    width(JobsModel::Column::Route, 22);
    width(JobsModel::Column::Phase, 13);
    width(JobsModel::Column::Progress, 8);
    width(JobsModel::Column::Data, 24);
    width(JobsModel::Column::Rate, 9);
    width(JobsModel::Column::DirtyRate, 10);
    width(JobsModel::Column::Iteration, 4);
    width(JobsModel::Column::Elapsed, 6);
    width(JobsModel::Column::Eta, 6);
    width(JobsModel::Column::ServiceGap, 8);
}

void JobsPanel::changeEvent(QEvent* event)
{
    // Widths in characters of the current font: a language switch changes the font (CJK).
    if (event->type() == QEvent::FontChange)
        setColumnWidths();
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace kumo
