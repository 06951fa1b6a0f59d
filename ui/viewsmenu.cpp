#include "viewsmenu.h"

#include "item/activefilters.h"
#include "item/callqueryjson.h"
#include "item/savedviews.h"
#include "manageviewsdialog.h"

#include <QActionGroup>
#include <QInputDialog>
#include <QMessageBox>
#include <QToolButton>

namespace {

bool sameFilters(const CallQuery &a, const CallQuery &b)
{
    return CallQueryJson::toJson(a) == CallQueryJson::toJson(b);
}

} // namespace

ViewsMenu::ViewsMenu(SavedViews *views, std::function<CallQuery()> currentQuery, QWidget *parent)
    : QMenu(tr("&Views"), parent)
    , m_views(views)
    , m_currentQuery(std::move(currentQuery))
    , m_group(new QActionGroup(this))
{
    setObjectName(QStringLiteral("viewsMenu"));
    m_group->setExclusionPolicy(QActionGroup::ExclusionPolicy::ExclusiveOptional);
    connect(m_views, &SavedViews::viewsChanged, this, &ViewsMenu::rebuild);
    rebuild();
}

QString ViewsMenu::setCurrentQuery(const CallQuery &query)
{
    m_shown = query;
    QString name;
    for (const SavedViews::View &view : m_views->views()) {
        if (sameFilters(view.query, query)) {
            name = view.name;
            break;
        }
    }
    for (QAction *action : std::as_const(m_viewActions))
        action->setChecked(action->data().toString() == name);
    m_allCalls->setChecked(name.isEmpty() && !ActiveFilters::any(query));
    if (name != m_current) {
        m_current = name;
        emit currentViewChanged(name);
    }
    return name;
}

void ViewsMenu::saveCurrentAs(const QString &name)
{
    if (m_views->save(name, m_currentQuery()))
        setCurrentQuery(m_currentQuery());
}

void ViewsMenu::rebuild()
{
    clear();
    m_viewActions.clear();
    QAction *save = addAction(tr("&Save View…"), this, &ViewsMenu::askNameAndSave);
    save->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    QAction *manageViews = addAction(tr("&Manage Views…"), this, &ViewsMenu::manage);
    manageViews->setEnabled(!m_views->views().isEmpty());
    addSeparator();
    m_allCalls = addAction(tr("&All Calls"));
    m_allCalls->setCheckable(true);
    m_allCalls->setActionGroup(m_group);
    connect(m_allCalls, &QAction::triggered, this, [this] { emit applyRequested(ActiveFilters::cleared(m_currentQuery())); });
    const QList<SavedViews::View> views = m_views->views();
    for (const SavedViews::View &view : views) {
        // Menus read & as a mnemonic; a name with one shows it as typed.
        QAction *action = addAction(QString(view.name).replace(QLatin1Char('&'), QStringLiteral("&&")));
        action->setData(view.name);
        action->setCheckable(true);
        action->setActionGroup(m_group);
        const CallQuery query = view.query;
        connect(action, &QAction::triggered, this, [this, query] { emit applyRequested(query); });
        m_viewActions.append(action);
    }
    m_current.clear();   // re-announced by setCurrentQuery, after a rename too
    setCurrentQuery(m_shown);
}

void ViewsMenu::askNameAndSave()
{
    bool ok = false;
    const QString name = QInputDialog::getText(parentWidget(), tr("Save View"), tr("&Name of this view:"), QLineEdit::Normal,
                                               m_current, &ok).trimmed();
    if (!ok || name.isEmpty())
        return;
    if (m_views->contains(name) && name.compare(m_current, Qt::CaseInsensitive) != 0
        && QMessageBox::question(parentWidget(), tr("Save View"), tr("A view called “%1” exists. Replace it?").arg(name))
               != QMessageBox::Yes)
        return;
    saveCurrentAs(name);
}

void ViewsMenu::manage()
{
    ManageViewsDialog dialog(m_views, parentWidget());
    dialog.exec();
}

QToolButton *ViewsMenu::createButton(QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setObjectName(QStringLiteral("viewsButton"));
    button->setMenu(this);
    button->setPopupMode(QToolButton::InstantPopup);
    button->setFocusPolicy(Qt::StrongFocus);
    button->setMaximumWidth(button->fontMetrics().horizontalAdvance(QLatin1Char('x')) * 28);
    const auto name = [button](const QString &view) {
        button->setText(view.isEmpty() ? tr("Views") : tr("View: %1").arg(view));
        button->setAccessibleName(view.isEmpty() ? tr("Saved views") : tr("Saved views, showing %1").arg(view));
    };
    name(m_current);
    connect(this, &ViewsMenu::currentViewChanged, button, name);
    return button;
}
