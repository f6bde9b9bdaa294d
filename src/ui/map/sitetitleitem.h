// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// SiteTitleItem: the name of a campus on the map, drawn at the same screen size at every zoom
// (ItemIgnoresTransformations) on a small plate, so it stays readable over a zoomed-out map.
// A detail line may sit under the plate (the campus headroom), red when it warns. Both are elided
// to the width their area has on screen (setAvailableWidth()), so they never run past it.
// Thread: GUI.
// Owner: its SiteAreaItem (parent item).
#pragma once

#include <QColor>
#include <QGraphicsItem>
#include <QStaticText>

namespace kumo {

class SiteTitleItem : public QGraphicsItem
{
public:
    explicit SiteTitleItem(QGraphicsItem* parent = nullptr);

    void setTitle(const QString& text, const QColor& color);
    // The whole name, as set (the plate may show it elided).
    [[nodiscard]] QString text() const { return m_title; }
    // The line under the plate; empty removes it. `warning` draws it in red.
    void setDetail(const QString& text, bool warning);
    // The whole line, as set (detailShown() is what is drawn).
    [[nodiscard]] QString detailText() const { return m_detail; }
    [[nodiscard]] QString detailShown() const { return m_detailText.text(); }
    [[nodiscard]] bool detailElided() const { return m_detailText.text() != m_detail; }
    [[nodiscard]] bool detailWarns() const { return m_detailWarning; }

    // The most screen pixels the title may take across; the name and the line are elided to it.
    void setAvailableWidth(qreal pixels);
    [[nodiscard]] qreal availableWidth() const { return m_available; }
    // Width without elision, and as drawn, in screen pixels.
    [[nodiscard]] qreal naturalWidth() const;
    [[nodiscard]] qreal width() const;
    // Height of the plate and the detail line, in screen pixels.
    [[nodiscard]] qreal height() const;

    [[nodiscard]] QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    void elide();
    [[nodiscard]] qreal plateWidth() const;
    [[nodiscard]] qreal lineWidth() const;

    QString m_title;
    QString m_detail;
    QStaticText m_titleText;
    QStaticText m_detailText;
    QColor m_color;
    bool m_detailWarning = false;
    qreal m_titleNatural = 0;
    qreal m_detailNatural = 0;
    qreal m_available = 1e6;
};

} // namespace kumo
