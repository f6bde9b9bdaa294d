// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// FirstRunWidget: what the map area shows before there is an inventory (a first start): a calm
// "No nodes yet", one sentence on where the inventory will live, and the three ways on: add a
// node, open an inventory file, or try the demo lab. It only says what was chosen; the window
// decides what each choice does.
// Thread: GUI.
// Owner: the MainWindow (as the QObject parent).
#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace kumo {

class FirstRunWidget : public QWidget
{
    Q_OBJECT

public:
    explicit FirstRunWidget(QWidget* parent = nullptr);

    // The file the console watches: named in the sentence, so nobody has to guess where it goes.
    void setInventoryPath(const QString& path);

    [[nodiscard]] QPushButton* addNodeButton() const { return m_addNode; }
    [[nodiscard]] QPushButton* openInventoryButton() const { return m_openInventory; }
    [[nodiscard]] QPushButton* demoButton() const { return m_demo; }

Q_SIGNALS:
    void addNodeClicked();
    void openInventoryClicked();
    void demoClicked();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    QString m_path;
    QLabel* m_title = nullptr;
    QLabel* m_text = nullptr;
    QPushButton* m_addNode = nullptr;
    QPushButton* m_openInventory = nullptr;
    QPushButton* m_demo = nullptr;
};

} // namespace kumo
