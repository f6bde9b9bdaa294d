// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Names of nodes, campuses and instances are text that anyone defining a libvirt domain
// chooses, so no widget may read them as markup. Labels get Qt::PlainText; these helpers cover
// the places that always guess (tool tips, message boxes) and the sentences that embed a name.
// Thread: GUI.
#pragma once

#include <QString>

class QMessageBox;

namespace kumo {

// A tool tip that shows `text` as written: QToolTip renders anything Qt::mightBeRichText()
// accepts as HTML, so such text is converted to escaped HTML (line breaks kept); other text is
// returned unchanged.
[[nodiscard]] QString plainToolTip(const QString& text);

// Shows the box's text and informative text as written. Call after setting them (the
// informative label is created by setInformativeText()).
void showAsPlainText(QMessageBox* box);

// A name as a sentence shows it: longer than MaxNameInText characters, shortened in the middle
// (both ends stay: names often differ at the end); then between Unicode first-strong-isolate and
// pop-directional-isolate marks, so that a right-to-left mark or override inside it cannot
// reorder the sentence around it. Tables, details and tool tips show the whole name.
inline constexpr qsizetype MaxNameInText = 80;
[[nodiscard]] QString shortenedName(const QString& name);
[[nodiscard]] QString isolatedName(const QString& name);

// A menu action's text as a toolbar button shows it: no mnemonic, neither "&X" nor the "(&X)" that
// Japanese adds, and no trailing ellipsis (Japanese applications show neither on toolbars).
[[nodiscard]] QString toolBarText(const QString& menuText);

// `text` for a rich-text label: markup characters escaped, line breaks kept.
[[nodiscard]] QString escapedForRichText(const QString& text);

} // namespace kumo
