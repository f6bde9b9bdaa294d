// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/outage/outagewizard.h"

#include <QAbstractButton>
#include <QEvent>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>

#include "app/outage/evacuation.h"
#include "app/outage/outagestore.h"
#include "ui/outage/outageplaneditor.h"
#include "ui/outage/outagewizardpages.h"
#include "ui/plaintext.h"

namespace kumo {

OutageWizard::OutageWizard(Evacuation* evacuation, OutageDirection direction, const QString& site,
                           QWidget* parent)
    : QWizard(parent)
    , m_evacuation(evacuation)
    , m_direction(direction)
    , m_editor(new OutagePlanEditor(evacuation, this))
    , m_sitePage(new OutageSitePage(evacuation, m_editor, direction, site, this))
    , m_planPage(new OutagePlanPage(evacuation, m_editor, this))
    , m_dryRunPage(new OutageDryRunPage(evacuation, m_editor, this))
{
    setObjectName(QStringLiteral("outageWizard"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setOption(QWizard::HaveHelpButton, false);
    setWindowModality(Qt::WindowModal);
    setPage(SitePageId, m_sitePage);
    setPage(PlanPageId, m_planPage);
    setPage(DryRunPageId, m_dryRunPage);
    setStartId(SitePageId);
    resize(1200, 760);
    connect(m_editor, &OutagePlanEditor::planChanged, this,
            [this] { Q_EMIT arrowsChanged(m_editor->arrows()); });
    connect(this, &QDialog::rejected, this, [this] { Q_EMIT arrowsChanged({}); });
    retranslate();
}

OutageWizard::~OutageWizard() = default;

bool OutageWizard::validateCurrentPage()
{
    if (!QWizard::validateCurrentPage())
        return false;
    if (currentId() != DryRunPageId)
        return true;
    return confirmServices() && startRun();
}

bool OutageWizard::confirmServices()
{
    if (m_servicesAcknowledged)
        return true;
    const QStringList silent = silentServices();
    if (silent.isEmpty())
        return true;
    warnAboutServices(silent);
    return false;
}

QMessageBox* OutageWizard::serviceWarning() const
{
    return m_serviceWarning;
}

QStringList OutageWizard::silentServices() const
{
    if (m_direction != OutageDirection::Return || !m_evacuation->store())
        return {};
    const Result<OutageState> state = m_evacuation->store()->load(m_editor->plan().site);
    if (!state)
        return {};
    QStringList names;
    for (const MoveRecord& record : state->silentAfterEvacuation())
        names.append(record.move.name);
    return names;
}

void OutageWizard::warnAboutServices(const QStringList& names)
{
    if (m_serviceWarning)
        return;
    auto* box = new QMessageBox(
        QMessageBox::Warning, tr("Services did not answer"),
        tr("The service of %n instance(s) did not answer after the evacuation moved them: %1.", nullptr,
           int(names.size()))
            .arg(QLocale().createSeparatedList(names)),
        QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("serviceWarning"));
    box->setInformativeText(tr("They may not work after the return either. Check them, or start the return "
                               "anyway."));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton* goOn = box->addButton(tr("Start Return &Anyway"), QMessageBox::AcceptRole);
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(QMessageBox::Cancel);
    connect(box, &QMessageBox::finished, this, [this, box, goOn] {
        if (box->clickedButton() != goOn)
            return;
        m_servicesAcknowledged = true;
        // Finish again: this time the run starts (or says why it cannot).
        if (QAbstractButton* finish = button(QWizard::FinishButton))
            finish->click();
    });
    m_serviceWarning = box;
    box->open();
}

bool OutageWizard::startRun()
{
    const OutagePlan plan = m_editor->plan();
    const Result<void> result = m_evacuation->start(plan);
    if (!result) {
        auto* box =
            new QMessageBox(QMessageBox::Warning,
                            m_direction == OutageDirection::Return ? tr("The return did not start")
                                                                   : tr("The evacuation did not start"),
                            result.error().message, QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        showAsPlainText(box);
        if (!result.error().detail.isEmpty())
            box->setDetailedText(result.error().detail);
        box->open();
        return false;
    }
    Q_EMIT started(plan);
    return true;
}

void OutageWizard::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWizard::changeEvent(event);
}

void OutageWizard::retranslate()
{
    const bool returning = m_direction == OutageDirection::Return;
    setWindowTitle(returning ? tr("End outage and return home") : tr("Prepare for planned outage"));
    setButtonText(QWizard::FinishButton, returning ? tr("&Start return") : tr("&Start evacuation"));
    setButtonText(QWizard::NextButton, tr("&Next >"));
    setButtonText(QWizard::BackButton, tr("< &Back"));
    setButtonText(QWizard::CancelButton, tr("Cancel"));
}

} // namespace kumo
