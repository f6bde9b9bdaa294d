// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// MigrationUiController: the migration gestures of the window in one place, shared by the map,
// the tables and the "Migrate to…" action. A drag starting asks the MigrationController for fresh
// full checks of the dragged instances against every node (off the GUI thread) and says when
// better answers arrive so the map can repaint its hints; a drop on a refused node only explains;
// a drop on a node that can take the instances opens the confirmation dialog (or, when staff
// chose so, migrates a same-campus move at once); it is the main window map's DropHandler. Refusals and
// queued moves (from any origin: the controller checks again before queueing) are reported as one-line status
// messages. Thread: GUI. Owner: MainWindow (or a test); the MigrationController must outlive it.
#pragma once

#include <QHash>
#include <QPointer>
#include <QStringList>

#include "core/migration.h"
#include "ui/checkpresentation.h"
#include "ui/drophandler.h"

class QWidget;

namespace kumo {

class MigrateToDialog;
class MigrationController;
class MigrationDialog;

class MigrationUiController : public DropHandler
{
    Q_OBJECT

public:
    // Dialogs open over `window`.
    MigrationUiController(MigrationController* migrations, QWidget* window, QObject* parent = nullptr);
    ~MigrationUiController() override;

    [[nodiscard]] MigrationController* migrations() const { return m_migrations; }

    // A drag with these instances entered a drop target. Asks for full checks once per drag.
    void beginDrag(const QStringList& uuids) override;
    void endDrag() override;
    [[nodiscard]] bool isDragging() const { return !m_dragged.isEmpty(); }
    [[nodiscard]] QStringList draggedInstances() const { return m_dragged; }
    [[nodiscard]] DropVerdict verdict(const QStringList& uuids, const QString& node) const override;

    // The instances were dropped on `node`. Returns false when the move was refused (and
    // statusMessage said why); true when the dialog opened or the move was queued.
    bool drop(const QStringList& uuids, const QString& node) override;
    // Opens the confirmation dialog (non-blocking, window-modal).
    MigrationDialog* confirm(const QStringList& uuids, const QString& node);
    // "Migrate to…": the node picker, then the confirmation. Does nothing without instances.
    MigrateToDialog* migrateTo(const QStringList& uuids);

    // The dialogs currently open, for tests and for raising them again.
    [[nodiscard]] MigrationDialog* openDialog() const;
    [[nodiscard]] MigrateToDialog* openPicker() const;

Q_SIGNALS:
    // A line for the status bar: why a drop was refused, that moves were queued.
    void statusMessage(const QString& text);
    // A line statusMessage gave no longer holds (the move it announced has ended): clear it if it
    // is still shown.
    void statusMessageEnded(const QString& text);

private:
    void onCheckFinished();
    void onQueued(quint64 id, const MigrationRequest& request);
    void onRefused(quint64 requestId, const QString& uuid, const QString& node,
                   const PreflightResult& result);
    [[nodiscard]] bool withinOneCampus(const QStringList& uuids, const QString& node) const;
    [[nodiscard]] QString instanceName(const QString& uuid) const;

    MigrationController* m_migrations;
    QPointer<QWidget> m_window;
    QStringList m_dragged;
    QPointer<MigrationDialog> m_dialog;
    QPointer<MigrateToDialog> m_picker;
    bool m_hintUpdatePending = false;
    QHash<quint64, QString> m_movingTexts; // move id -> the "Moving …" line announced for it
};

} // namespace kumo
