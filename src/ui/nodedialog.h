// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// NodeDialog: adds a node to the inventory or edits one. The person picks a campus (or types the
// name of a new one: the first node of a fresh machine brings its campus with it) and a
// transport and types host, user, port and the ssh/tls options; the dialog builds the libvirt
// URI live (shown, selectable), says what is wrong in words and keeps OK disabled until nothing
// is. A URI the fields cannot express is edited as text ("Advanced"). "Test connection" opens the
// URI off the GUI thread (ConnectionTester) and shows what the node says about itself or why it
// failed; closing the dialog meanwhile drops the answer. Saving is the caller's: the dialog only
// produces a NodeConfig (other keys of an edited node are kept as they were).
// Thread: GUI.
// Owner: whoever opens it (on the stack or with a parent).
#pragma once

#include <optional>

#include <QDialog>

#include "core/inventory.h"
#include "core/nodeaddress.h"

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace kumo {

class ConnectionTester;
class CredentialProvider;
struct ConnectionFacts;
struct Error;

class NodeDialog : public QDialog
{
    Q_OBJECT

public:
    // Adds a node when `original` is empty, else edits it (its name is looked up in `inventory`).
    NodeDialog(const Inventory& inventory, CredentialProvider* credentials, const QString& original = {},
               QWidget* parent = nullptr);
    ~NodeDialog() override;

    // What the fields say, on top of the edited node's other keys.
    [[nodiscard]] NodeConfig nodeConfig() const;
    // The campus to add with the node when the campus field names none of the inventory's.
    [[nodiscard]] std::optional<Site> newSite() const;
    // Problems that keep OK disabled, one sentence each; empty when the node can be saved.
    [[nodiscard]] QStringList problems() const;
    [[nodiscard]] QString uri() const;
    [[nodiscard]] bool isAdvanced() const;

    // For tests and screenshots.
    [[nodiscard]] QLineEdit* nameEdit() const { return m_name; }
    [[nodiscard]] QComboBox* siteBox() const { return m_site; }
    [[nodiscard]] QLabel* siteNote() const { return m_siteNote; }
    [[nodiscard]] QComboBox* transportBox() const { return m_transport; }
    [[nodiscard]] QLineEdit* hostEdit() const { return m_host; }
    [[nodiscard]] QLineEdit* userEdit() const { return m_user; }
    [[nodiscard]] QSpinBox* portBox() const { return m_port; }
    [[nodiscard]] QLineEdit* keyfileEdit() const { return m_keyfile; }
    [[nodiscard]] QLineEdit* knownHostsEdit() const { return m_knownHosts; }
    [[nodiscard]] QCheckBox* noVerifyBox() const { return m_noVerify; }
    [[nodiscard]] QLineEdit* uriTextEdit() const { return m_uriText; }
    [[nodiscard]] QCheckBox* allowInsecureBox() const { return m_allowInsecure; }
    [[nodiscard]] QCheckBox* readOnlyBox() const { return m_readOnly; }
    [[nodiscard]] QCheckBox* migrationTlsBox() const { return m_migrationTls; }
    [[nodiscard]] QLineEdit* uriView() const { return m_uriView; }
    [[nodiscard]] QLabel* problemLabel() const { return m_problems; }
    [[nodiscard]] QLabel* noVerifyWarning() const { return m_noVerifyWarning; }
    [[nodiscard]] QPushButton* okButton() const;
    [[nodiscard]] QPushButton* testButton() const { return m_test; }
    [[nodiscard]] QLabel* testResult() const { return m_testResult; }

public Q_SLOTS:
    void reject() override;

private:
    void buildForm();
    void load(const NodeConfig& node);
    void update();
    void testConnection();
    void showTestResult(quint64 id, const ConnectionFacts& facts, const Error& error);
    [[nodiscard]] NodeAddress address() const;
    [[nodiscard]] QString existingSiteId() const;

    Inventory m_inventory;
    NodeConfig m_node; // the node being edited (defaults for a new one)
    QString m_originalName;
    ConnectionTester* m_tester;
    bool m_loading = false;

    QFormLayout* m_form = nullptr;
    QLineEdit* m_name = nullptr;
    QComboBox* m_site = nullptr;
    QLabel* m_siteNote = nullptr;
    QComboBox* m_transport = nullptr;
    QLineEdit* m_host = nullptr;
    QLineEdit* m_user = nullptr;
    QSpinBox* m_port = nullptr;
    QComboBox* m_path = nullptr;
    QLineEdit* m_keyfile = nullptr;
    QLineEdit* m_knownHosts = nullptr;
    QCheckBox* m_noVerify = nullptr;
    QLabel* m_noVerifyWarning = nullptr;
    QLineEdit* m_uriText = nullptr;
    QCheckBox* m_allowInsecure = nullptr;
    QCheckBox* m_readOnly = nullptr;
    QCheckBox* m_migrationTls = nullptr;
    QLineEdit* m_uriView = nullptr;
    QLabel* m_problems = nullptr;
    QPushButton* m_test = nullptr;
    QLabel* m_testResult = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QList<QWidget*> m_addressFields; // hidden in the advanced (URI as text) mode
};

} // namespace kumo
