<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../ui/about.py" line="30"/>
        <source>About Lavka</source>
        <translation>О Лавке</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="34"/>
        <source>Lavka</source>
        <translation>Лавка</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="36"/>
        <source>A desktop CRM for a one-person business that sells goods.</source>
        <translation>Настольная CRM для того, кто торгует сам.</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="40"/>
        <source>Open data folder</source>
        <translation>Открыть папку с данными</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="50"/>
        <source>Database:</source>
        <translation>База данных:</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="52"/>
        <source>Data folder:</source>
        <translation>Папка с данными:</translation>
    </message>
</context>
<context>
    <name>ActivityModel</name>
    <message>
        <location filename="../../ui/contacts/models.py" line="146"/>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/models.py" line="146"/>
        <source>What happened</source>
        <translation>Что было</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/models.py" line="168"/>
        <source>Order No. %1 · %2 · %3</source>
        <translation>Заказ № %1 · %2 · %3</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/models.py" line="174"/>
        <source>Done: %1</source>
        <translation>Выполнено: %1</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/models.py" line="177"/>
        <source>Asked how order No. %1 went</source>
        <translation>Спросили, как прошёл заказ № %1</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/models.py" line="178"/>
        <source>Follow-up of order No. %1 dismissed</source>
        <translation>Звонок по заказу № %1 пропущен</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/models.py" line="181"/>
        <source>About order No. %1: %2</source>
        <translation>О заказе № %1: %2</translation>
    </message>
</context>
<context>
    <name>AdjustmentDialog</name>
    <message>
        <location filename="../../ui/stock/adjustment.py" line="33"/>
        <source>Write-off</source>
        <translation>Списание</translation>
    </message>
    <message>
        <location filename="../../ui/stock/adjustment.py" line="34"/>
        <source>Count correction</source>
        <translation>Поправка по пересчёту</translation>
    </message>
    <message>
        <location filename="../../ui/stock/adjustment.py" line="55"/>
        <source>Stock adjustment</source>
        <translation>Корректировка остатка</translation>
    </message>
    <message>
        <location filename="../../ui/stock/adjustment.py" line="70"/>
        <source>A recount, damaged goods, a gift…</source>
        <translation>Пересчёт, брак, подарок…</translation>
    </message>
    <message>
        <location filename="../../ui/stock/adjustment.py" line="75"/>
        <source>Product:</source>
        <translation>Товар:</translation>
    </message>
    <message>
        <location filename="../../ui/stock/adjustment.py" line="77"/>
        <source>Kind:</source>
        <translation>Вид:</translation>
    </message>
    <message>
        <location filename="../../ui/stock/adjustment.py" line="78"/>
        <source>Quantity:</source>
        <translation>Количество:</translation>
    </message>
    <message>
        <location filename="../../ui/stock/adjustment.py" line="79"/>
        <source>Date:</source>
        <translation>Дата:</translation>
    </message>
    <message>
        <location filename="../../ui/stock/adjustment.py" line="80"/>
        <source>Reason:</source>
        <translation>Причина:</translation>
    </message>
    <message>
        <location filename="../../ui/stock/adjustment.py" line="143"/>
        <source>Stock not counted yet: this adjustment starts it.</source>
        <translation>Остаток ещё не ведётся: с этой корректировки начнётся его учёт.</translation>
    </message>
    <message>
        <location filename="../../ui/stock/adjustment.py" line="146"/>
        <source>In stock %1 · reserved %2 · available %3</source>
        <translation>В наличии %1 · в резерве %2 · доступно %3</translation>
    </message>
    <message>
        <location filename="../../ui/stock/adjustment.py" line="156"/>
        <source>units taken away: 3</source>
        <translation>сколько списать: 3</translation>
    </message>
    <message>
        <location filename="../../ui/stock/adjustment.py" line="158"/>
        <source>units found: 12, or missing: -3</source>
        <translation>нашлось: 12, или недостача: -3</translation>
    </message>
</context>
<context>
    <name>AdjustmentsDialog</name>
    <message>
        <location filename="../../ui/stock/adjustments.py" line="77"/>
        <source>Stock adjustments: %1</source>
        <translation>Корректировки остатка: %1</translation>
    </message>
    <message>
        <location filename="../../ui/stock/adjustments.py" line="89"/>
        <source>No adjustments yet.</source>
        <translation>Корректировок пока нет.</translation>
    </message>
    <message>
        <location filename="../../ui/stock/adjustments.py" line="92"/>
        <source>New adjustment…</source>
        <translation>Новая корректировка…</translation>
    </message>
    <message>
        <location filename="../../ui/stock/adjustments.py" line="93"/>
        <source>Delete…</source>
        <translation>Удалить…</translation>
    </message>
    <message>
        <location filename="../../ui/stock/adjustments.py" line="153"/>
        <source>Delete the adjustment of %1 (%2, %3)? The stock and the cost of later sales are counted again without it.</source>
        <translation>Удалить корректировку от %1 (%2, %3)? Остаток и себестоимость последующих продаж будут пересчитаны без неё.</translation>
    </message>
    <message>
        <location filename="../../ui/stock/adjustments.py" line="160"/>
        <source>Delete adjustment</source>
        <translation>Удаление корректировки</translation>
    </message>
</context>
<context>
    <name>AdjustmentsModel</name>
    <message>
        <location filename="../../ui/stock/adjustments.py" line="38"/>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <location filename="../../ui/stock/adjustments.py" line="38"/>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <location filename="../../ui/stock/adjustments.py" line="38"/>
        <source>Quantity</source>
        <translation>Количество</translation>
    </message>
    <message>
        <location filename="../../ui/stock/adjustments.py" line="38"/>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <location filename="../../ui/stock/adjustments.py" line="39"/>
        <source>Cost</source>
        <translation>Себестоимость</translation>
    </message>
</context>
<context>
    <name>AgeBandsModel</name>
    <message>
        <location filename="../../ui/settings_dialog/scoring.py" line="68"/>
        <source>From day</source>
        <translation>С дня</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/scoring.py" line="68"/>
        <source>Modifier, %</source>
        <translation>Поправка, %</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/scoring.py" line="68"/>
        <source>Days</source>
        <translation>Дни</translation>
    </message>
</context>
<context>
    <name>Backup</name>
    <message>
        <location filename="../../ui/backup.py" line="89"/>
        <source>Back up</source>
        <translation>Резервная копия</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="96"/>
        <source> newest backups</source>
        <translation> последних копий</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="97"/>
        <source>Choose folder…</source>
        <translation>Выбрать папку…</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="101"/>
        <source>Back up now</source>
        <translation>Создать копию</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="108"/>
        <source>Keep on the target:</source>
        <translation>Хранить на носителе:</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="111"/>
        <source>Write a verified copy of all data to:</source>
        <translation>Записать проверенную копию всех данных на:</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="127"/>
        <source>%1 — %2 free</source>
        <translation>%1 — свободно %2</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="131"/>
        <source>Last used: %1</source>
        <translation>В прошлый раз: %1</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="148"/>
        <source>Back up to folder</source>
        <translation>Папка для резервной копии</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="151"/>
        <source>Chosen folder</source>
        <translation>Выбранная папка</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="174"/>
        <source>Backup written and verified:
%1

%2, %3
%4 contacts, %5 orders, %6 lines</source>
        <translation>Резервная копия записана и проверена:
%1

%2, %3
клиентов: %4, заказов: %5, строк: %6</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="191"/>
        <location filename="../../ui/backup.py" line="195"/>
        <location filename="../../ui/startup/rescue.py" line="23"/>
        <source>Lavka</source>
        <translation>Лавка</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="206"/>
        <location filename="../../ui/backup.py" line="276"/>
        <source>Restore from backup</source>
        <translation>Восстановить из резервной копии</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="211"/>
        <source>Taken</source>
        <translation>Создана</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="212"/>
        <source>Size</source>
        <translation>Размер</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="213"/>
        <source>Contacts</source>
        <translation>Клиенты</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="214"/>
        <source>Orders</source>
        <translation>Заказы</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="215"/>
        <source>Folder</source>
        <translation>Папка</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="224"/>
        <source>Choose file…</source>
        <translation>Выбрать файл…</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="228"/>
        <source>Restore…</source>
        <translation>Восстановить…</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="236"/>
        <source>Backups found; each is verified before it is restored.</source>
        <translation>Найденные резервные копии; каждая проверяется перед восстановлением.</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="278"/>
        <source>Lavka backups (*.sqlite3);;All files (*)</source>
        <translation>Резервные копии Лавки (*.sqlite3);;Все файлы (*)</translation>
    </message>
    <message>
        <location filename="../../ui/startup/rescue.py" line="59"/>
        <source>An earlier start found the database damaged and moved it aside as
%1</source>
        <translation>При прошлом запуске база данных оказалась повреждена и была отложена как
%1</translation>
    </message>
    <message>
        <location filename="../../ui/startup/rescue.py" line="62"/>
        <source>The database is damaged (%1). It was moved aside, unchanged, as
%2</source>
        <translation>База данных повреждена (%1). Она отложена без изменений как
%2</translation>
    </message>
    <message>
        <location filename="../../ui/startup/rescue.py" line="29"/>
        <source>No verified backup was found.</source>
        <translation>Проверенная резервная копия не найдена.</translation>
    </message>
    <message>
        <location filename="../../ui/startup/rescue.py" line="43"/>
        <source>Restore the backup</source>
        <translation>Восстановить копию</translation>
    </message>
    <message>
        <location filename="../../ui/startup/rescue.py" line="47"/>
        <source>Start with an empty database</source>
        <translation>Начать с пустой базой</translation>
    </message>
    <message>
        <location filename="../../ui/startup/close_backup.py" line="44"/>
        <source>The automatic backup when Lavka last closed was not made:
%1</source>
        <translation>Автоматическая резервная копия при прошлом закрытии Лавки не создана:
%1</translation>
    </message>
    <message>
        <location filename="../../ui/startup/rescue.py" line="34"/>
        <source>Restore the newest verified backup, taken %1 (%2 orders)?</source>
        <translation>Восстановить последнюю проверенную копию от %1 (заказов: %2)?</translation>
    </message>
</context>
<context>
    <name>BelowMinimumModel</name>
    <message>
        <location filename="../../ui/today/models.py" line="107"/>
        <source>Product</source>
        <translation>Товар</translation>
    </message>
    <message>
        <location filename="../../ui/today/models.py" line="107"/>
        <source>Available</source>
        <translation>Доступно</translation>
    </message>
    <message>
        <location filename="../../ui/today/models.py" line="107"/>
        <source>Minimum</source>
        <translation>Минимум</translation>
    </message>
</context>
<context>
    <name>BoardView</name>
    <message>
        <location filename="../../ui/board/view.py" line="60"/>
        <source>The card was not moved</source>
        <translation>Карточка не перенесена</translation>
    </message>
    <message>
        <location filename="../../ui/board/view.py" line="87"/>
        <source>All time</source>
        <translation>За всё время</translation>
    </message>
    <message>
        <location filename="../../ui/board/view.py" line="87"/>
        <source>This month</source>
        <translation>Этот месяц</translation>
    </message>
    <message>
        <location filename="../../ui/board/view.py" line="87"/>
        <source>Last 30 days</source>
        <translation>Последние 30 дней</translation>
    </message>
    <message>
        <location filename="../../ui/board/view.py" line="88"/>
        <source>This quarter</source>
        <translation>Этот квартал</translation>
    </message>
    <message>
        <location filename="../../ui/board/view.py" line="88"/>
        <source>This year</source>
        <translation>Этот год</translation>
    </message>
    <message>
        <location filename="../../ui/board/view.py" line="88"/>
        <source>Custom…</source>
        <translation>Свой период…</translation>
    </message>
    <message>
        <location filename="../../ui/board/view.py" line="95"/>
        <location filename="../../ui/board/view.py" line="219"/>
        <source>All channels</source>
        <translation>Все каналы</translation>
    </message>
    <message>
        <location filename="../../ui/board/view.py" line="96"/>
        <source>Drag a card to another column to change its status.</source>
        <translation>Перетащите карточку в другую колонку, чтобы сменить статус.</translation>
    </message>
    <message>
        <location filename="../../ui/board/view.py" line="99"/>
        <source>Period:</source>
        <translation>Период:</translation>
    </message>
    <message>
        <location filename="../../ui/board/view.py" line="104"/>
        <source>Channel:</source>
        <translation>Канал:</translation>
    </message>
    <message>
        <location filename="../../ui/board/view.py" line="128"/>
        <source>Open order</source>
        <translation>Открыть заказ</translation>
    </message>
    <message>
        <location filename="../../ui/board/view.py" line="130"/>
        <source>Move to</source>
        <translation>Перенести в</translation>
    </message>
</context>
<context>
    <name>BusinessPage</name>
    <message>
        <location filename="../../ui/settings_dialog/business.py" line="84"/>
        <source>e.g. Petrov I. I.</source>
        <translation>например, Петров И. И.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/business.py" line="86"/>
        <source>e.g. Sole proprietor</source>
        <translation>например, Индивидуальный предприниматель</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/business.py" line="88"/>
        <source>empty — without VAT</source>
        <translation>пусто — без НДС</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/business.py" line="90"/>
        <source>e.g. Payment within 3 banking days</source>
        <translation>например, Оплата в течение 3 банковских дней</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/business.py" line="100"/>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/business.py" line="101"/>
        <source>Remove</source>
        <translation>Убрать</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/business.py" line="181"/>
        <source>Currency and phones</source>
        <translation>Валюта и телефоны</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/business.py" line="182"/>
        <source>Currency code:</source>
        <translation>Код валюты:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/business.py" line="183"/>
        <source>Currency symbol:</source>
        <translation>Символ валюты:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/business.py" line="184"/>
        <source>Phone region:</source>
        <translation>Регион телефонов:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/business.py" line="188"/>
        <source>Seller</source>
        <translation>Продавец</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/business.py" line="189"/>
        <source>Printed on invoices, delivery notes and receipts.</source>
        <translation>Печатаются в счетах, накладных и товарных чеках.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/business.py" line="193"/>
        <source>Name or legal name:</source>
        <translation>Наименование или ФИО:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/business.py" line="194"/>
        <source>INN:</source>
        <translation>ИНН:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/business.py" line="195"/>
        <source>KPP:</source>
        <translation>КПП:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/business.py" line="196"/>
        <source>OGRN / OGRNIP:</source>
        <translation>ОГРН / ОГРНИП:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/business.py" line="197"/>
        <source>Address:</source>
        <translation>Адрес:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/business.py" line="198"/>
        <source>Phone:</source>
        <translation>Телефон:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/business.py" line="199"/>
        <source>E-mail:</source>
        <translation>E-mail:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/business.py" line="206"/>
        <source>Bank details</source>
        <translation>Банковские реквизиты</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/business.py" line="208"/>
        <source>Bank:</source>
        <translation>Банк:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/business.py" line="209"/>
        <source>BIK:</source>
        <translation>БИК:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/business.py" line="210"/>
        <source>Account:</source>
        <translation>Расчётный счёт:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/business.py" line="211"/>
        <source>Correspondent account:</source>
        <translation>Корр. счёт:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/business.py" line="218"/>
        <source>Documents</source>
        <translation>Документы</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/business.py" line="219"/>
        <source>Signed by:</source>
        <translation>Подписывает:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/business.py" line="220"/>
        <source>Signer&apos;s title:</source>
        <translation>Должность подписанта:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/business.py" line="221"/>
        <source>VAT rate, %:</source>
        <translation>Ставка НДС, %:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/business.py" line="222"/>
        <source>Payment terms:</source>
        <translation>Условия оплаты:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/business.py" line="223"/>
        <source>Footer text:</source>
        <translation>Текст внизу документов:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/business.py" line="224"/>
        <source>Logo:</source>
        <translation>Логотип:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/business.py" line="224"/>
        <source>Stamp and signature:</source>
        <translation>Печать и подпись:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/business.py" line="227"/>
        <source>PNG or JPEG, at most %1 KB each.</source>
        <translation>PNG или JPEG, не больше %1 КБ каждый.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/business.py" line="247"/>
        <source>Business</source>
        <translation>Бизнес</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/business.py" line="311"/>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Изображения (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/business.py" line="317"/>
        <source>Choose the logo</source>
        <translation>Выберите логотип</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/business.py" line="318"/>
        <source>Choose the stamp and signature</source>
        <translation>Выберите печать с подписью</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/business.py" line="326"/>
        <source>Could not read %1: %2</source>
        <translation>Не удалось прочитать %1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/business.py" line="356"/>
        <source>No image</source>
        <translation>Нет изображения</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/business.py" line="360"/>
        <source>Cannot show this image</source>
        <translation>Не удаётся показать изображение</translation>
    </message>
</context>
<context>
    <name>CalendarView</name>
    <message>
        <location filename="../../ui/calendar/view.py" line="231"/>
        <source>Previous month</source>
        <translation>Предыдущий месяц</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/view.py" line="232"/>
        <source>Today</source>
        <translation>Сегодня</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/view.py" line="233"/>
        <source>Next month</source>
        <translation>Следующий месяц</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/view.py" line="273"/>
        <source>New task…</source>
        <translation>Новая задача…</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/view.py" line="274"/>
        <source>Done</source>
        <translation>Выполнено</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/view.py" line="276"/>
        <source>Drag a planned shipment or a task onto another day to move it.</source>
        <translation>Перетащите запланированную отгрузку или задачу на другой день, чтобы перенести её.</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/view.py" line="344"/>
        <source>Shipments %1</source>
        <translation>Отгрузки %1</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/view.py" line="433"/>
        <source>Shipped on %1:</source>
        <translation>Отгружено %1:</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/view.py" line="435"/>
        <source>Tasks on %1:</source>
        <translation>Задачи на %1:</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/view.py" line="437"/>
        <source>No tasks on %1.</source>
        <translation>Задач на %1 нет.</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/view.py" line="425"/>
        <source>Choose a day to see its shipments.</source>
        <translation>Выберите день, чтобы увидеть его отгрузки.</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/view.py" line="429"/>
        <source>No shipments on %1.</source>
        <translation>Отгрузок %1 нет.</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/view.py" line="431"/>
        <source>Planned shipments on %1:</source>
        <translation>Запланированные отгрузки на %1:</translation>
    </message>
</context>
<context>
    <name>CardDelegate</name>
    <message>
        <location filename="../../ui/board/delegate.py" line="64"/>
        <source>today</source>
        <translation>сегодня</translation>
    </message>
    <message>
        <location filename="../../ui/board/delegate.py" line="65"/>
        <source>%1 d</source>
        <translation>%1 дн.</translation>
    </message>
    <message>
        <location filename="../../ui/board/delegate.py" line="160"/>
        <source>No. %1</source>
        <translation>№ %1</translation>
    </message>
</context>
<context>
    <name>CardsModel</name>
    <message>
        <location filename="../../ui/board/models.py" line="92"/>
        <source>No. %1 · %2 · %3</source>
        <translation>№ %1 · %2 · %3</translation>
    </message>
    <message>
        <location filename="../../ui/board/models.py" line="104"/>
        <source>Order No. %1 of %2</source>
        <translation>Заказ № %1 от %2</translation>
    </message>
    <message>
        <location filename="../../ui/board/models.py" line="108"/>
        <source>Amount: %1</source>
        <translation>Сумма: %1</translation>
    </message>
    <message>
        <location filename="../../ui/board/models.py" line="112"/>
        <source>Probability %1, value %2</source>
        <translation>Вероятность %1, ценность %2</translation>
    </message>
    <message>
        <location filename="../../ui/board/models.py" line="117"/>
        <source>Class %1</source>
        <translation>Класс %1</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <location filename="../../app.py" line="35"/>
        <source>Lavka: a desktop CRM for a one-person business that sells goods.</source>
        <translation>Лавка: настольная CRM для того, кто торгует сам.</translation>
    </message>
    <message>
        <location filename="../../app.py" line="43"/>
        <source>database file (default: the user data folder) or URL</source>
        <translation>файл базы (по умолчанию — в папке данных пользователя) или адрес базы на сервере</translation>
    </message>
    <message>
        <location filename="../../app.py" line="50"/>
        <source>close the window SECONDS after it is shown (to try an installed copy)</source>
        <translation>закрыть окно через SECONDS секунд после показа (чтобы проверить установленную копию)</translation>
    </message>
    <message>
        <location filename="../../ui/cli.py" line="35"/>
        <source>lavka %1: %2</source>
        <translation>lavka %1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/cli.py" line="36"/>
        <source>Demo business written to %1: %2 contacts, %3 products, %4 orders, %5 shipments.</source>
        <translation>Демо-бизнес записан в %1: клиентов: %2, товаров: %3, заказов: %4, отгрузок: %5.</translation>
    </message>
    <message>
        <location filename="../../ui/cli.py" line="40"/>
        <source>%1: OK (%2)</source>
        <translation>%1: всё в порядке (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/cli.py" line="41"/>
        <source>%1: problems found: %2</source>
        <translation>%1: найдено проблем: %2</translation>
    </message>
    <message>
        <location filename="../../ui/cli.py" line="42"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/cli.py" line="43"/>
        <source>contacts</source>
        <translation>клиентов</translation>
    </message>
    <message>
        <location filename="../../ui/cli.py" line="44"/>
        <source>products</source>
        <translation>товаров</translation>
    </message>
    <message>
        <location filename="../../ui/cli.py" line="45"/>
        <source>orders</source>
        <translation>заказов</translation>
    </message>
    <message>
        <location filename="../../ui/cli.py" line="46"/>
        <source>shipments</source>
        <translation>отгрузок</translation>
    </message>
    <message>
        <location filename="../../ui/cli.py" line="47"/>
        <source>tasks</source>
        <translation>задач</translation>
    </message>
    <message>
        <location filename="../../ui/cli.py" line="48"/>
        <source>Backup written: %1</source>
        <translation>Резервная копия записана: %1</translation>
    </message>
    <message>
        <location filename="../../ui/cli.py" line="49"/>
        <source>%1, verified</source>
        <translation>%1, проверена</translation>
    </message>
    <message>
        <location filename="../../ui/cli.py" line="50"/>
        <source>taken %1, %2, %3</source>
        <translation>создана %1, %2, %3</translation>
    </message>
    <message>
        <location filename="../../ui/cli.py" line="51"/>
        <source>%1 MB</source>
        <translation>%1 МБ</translation>
    </message>
    <message>
        <location filename="../../ui/cli.py" line="52"/>
        <source>%1 kB</source>
        <translation>%1 КБ</translation>
    </message>
    <message>
        <location filename="../../ui/cli.py" line="53"/>
        <source>Restored %1 from %2</source>
        <translation>База %1 восстановлена из %2</translation>
    </message>
    <message>
        <location filename="../../ui/cli.py" line="54"/>
        <source>The database as it was is saved at %1</source>
        <translation>Прежняя база сохранена в %1</translation>
    </message>
    <message>
        <location filename="../../ui/cli.py" line="55"/>
        <source>Written: %1</source>
        <translation>Записано: %1</translation>
    </message>
    <message>
        <location filename="../../ui/cli.py" line="56"/>
        <source>Period %1 – %2</source>
        <translation>Период %1 – %2</translation>
    </message>
    <message>
        <location filename="../../ui/cli.py" line="57"/>
        <source>Period %1 – %2, against %3 – %4</source>
        <translation>Период %1 – %2, в сравнении с %3 – %4</translation>
    </message>
    <message>
        <location filename="../../ui/cli.py" line="58"/>
        <source>Period %1 – %2 (today %3)</source>
        <translation>Период %1 – %2 (сегодня %3)</translation>
    </message>
    <message>
        <location filename="../../ui/cli.py" line="59"/>
        <source>Cancelled orders excluded; planned = shipments dated after today.</source>
        <translation>Отменённые заказы не учитываются; план — отгрузки с датой после сегодняшней.</translation>
    </message>
    <message>
        <location filename="../../ui/cli.py" line="62"/>
        <location filename="../../ui/cli_forecast.py" line="38"/>
        <source>Value</source>
        <translation>Ценность</translation>
    </message>
    <message>
        <location filename="../../ui/cli.py" line="63"/>
        <source>Markup</source>
        <translation>Наценка</translation>
    </message>
    <message>
        <location filename="../../ui/cli.py" line="64"/>
        <source>Lines / units</source>
        <translation>Строк / штук</translation>
    </message>
    <message>
        <location filename="../../ui/cli.py" line="65"/>
        <source>New / returning customers</source>
        <translation>Новые / повторные клиенты</translation>
    </message>
    <message>
        <location filename="../../ui/cli.py" line="66"/>
        <source>Products by profit</source>
        <translation>Товары по прибыли</translation>
    </message>
    <message>
        <location filename="../../ui/cli.py" line="67"/>
        <source>There is no database at &apos;%1&apos; yet: the import would create it.</source>
        <translation>Базы данных «%1» ещё нет: импорт создаст её.</translation>
    </message>
    <message>
        <location filename="../../ui/cli.py" line="70"/>
        <source>Created a new database at &apos;%1&apos;.</source>
        <translation>Создана новая база данных «%1».</translation>
    </message>
    <message>
        <location filename="../../ui/cli.py" line="71"/>
        <source>Imported %1 new orders and updated %2, with %3 lines; %4 new contacts, %5 new products.</source>
        <translation>Импортировано новых заказов: %1, обновлено: %2, строк: %3; новых клиентов: %4, новых товаров: %5.</translation>
    </message>
    <message>
        <location filename="../../ui/cli.py" line="75"/>
        <source>Orders already there, unchanged: %1.</source>
        <translation>Заказов уже в базе, без изменений: %1.</translation>
    </message>
    <message>
        <location filename="../../ui/cli.py" line="76"/>
        <source>Imported %1 purchases with %2 lines, %3 expenses, %4 stock adjustments.</source>
        <translation>Импортировано закупок: %1 (строк: %2), расходов: %3, корректировок остатка: %4.</translation>
    </message>
    <message>
        <location filename="../../ui/cli.py" line="79"/>
        <source>Purchases: %1 new; expenses: %2 new; stock adjustments: %3 new; %4 already in the database.</source>
        <translation>Закупки: новых %1; расходы: новых %2; корректировки остатка: новых %3; уже есть в базе: %4.</translation>
    </message>
    <message>
        <location filename="../../ui/cli.py" line="84"/>
        <source>Orders changed on both sides that kept Lavka&apos;s version: %1.</source>
        <translation>Заказов, изменённых с обеих сторон, где оставлена версия Лавки: %1.</translation>
    </message>
    <message>
        <location filename="../../ui/cli.py" line="87"/>
        <source>Skipped rows written to %1</source>
        <translation>Пропущенные строки записаны в %1</translation>
    </message>
    <message>
        <location filename="../../ui/cli.py" line="88"/>
        <source>Would import from %1: %2 new contacts (%3 already known), %4 new products; orders: %5 new, %6 updated, %7 unchanged; %8 lines to write.</source>
        <translation>Будет импортировано из %1: новых клиентов: %2 (уже известных: %3), новых товаров: %4; заказы: новых %5, обновлённых %6, без изменений %7; строк к записи: %8.</translation>
    </message>
    <message>
        <location filename="../../ui/cli.py" line="93"/>
        <source>Importing from %1: %2 new contacts (%3 already known), %4 new products; orders: %5 new, %6 updated, %7 unchanged; %8 lines to write.</source>
        <translation>Импорт из %1: новых клиентов: %2 (уже известных: %3), новых товаров: %4; заказы: новых %5, обновлённых %6, без изменений %7; строк к записи: %8.</translation>
    </message>
    <message>
        <location filename="../../ui/cli.py" line="98"/>
        <source>  Order %1 (%2): %3 → %4, updated</source>
        <translation>  Заказ %1 (%2): %3 → %4, обновлён</translation>
    </message>
    <message>
        <location filename="../../ui/cli.py" line="99"/>
        <source>  Order %1 (%2): %3 → %4, changed in Lavka too: Lavka&apos;s version is kept (--prefer-file takes the file&apos;s)</source>
        <translation>  Заказ %1 (%2): %3 → %4, изменён и в Лавке: оставлена версия Лавки (--prefer-file берёт версию файла)</translation>
    </message>
    <message>
        <location filename="../../ui/cli.py" line="104"/>
        <source>Orders deleted in Lavka after an earlier import, not imported again: %1.</source>
        <translation>Заказов, удалённых в Лавке после прошлого импорта, не импортируются снова: %1.</translation>
    </message>
    <message>
        <location filename="../../ui/cli.py" line="107"/>
        <source>Warning: no cost column; new products and lines get a cost of 0, so their profit equals their revenue.</source>
        <translation>Внимание: нет столбца себестоимости; у новых товаров и строк себестоимость 0, и их прибыль равна выручке.</translation>
    </message>
    <message>
        <location filename="../../ui/cli.py" line="112"/>
        <source>Rejected rows: %1</source>
        <translation>Отклонено строк: %1</translation>
    </message>
    <message>
        <location filename="../../ui/cli.py" line="113"/>
        <source>Nothing would be imported (--skip-bad-rows imports the other rows).</source>
        <translation>Ничего не будет импортировано (--skip-bad-rows импортирует остальные строки).</translation>
    </message>
    <message>
        <location filename="../../ui/cli.py" line="116"/>
        <source>Nothing was imported (--skip-bad-rows imports the other rows).</source>
        <translation>Ничего не импортировано (--skip-bad-rows импортирует остальные строки).</translation>
    </message>
    <message>
        <location filename="../../ui/cli.py" line="119"/>
        <source>Nothing new: every order of the file is already in the database.</source>
        <translation>Ничего нового: все заказы файла уже есть в базе.</translation>
    </message>
    <message>
        <location filename="../../ui/cli.py" line="133"/>
        <source>database file, or a server&apos;s postgresql://user@host/db</source>
        <translation>файл базы или база на сервере: postgresql://пользователь@сервер/база</translation>
    </message>
    <message>
        <location filename="../../ui/cli.py" line="139"/>
        <source>fill a new database with Ivan&apos;s demo wallet business</source>
        <translation>заполнить новую базу демонстрационным бизнесом Ивана (кошельки)</translation>
    </message>
    <message>
        <location filename="../../ui/cli.py" line="144"/>
        <source>check the database file (integrity, links, totals)</source>
        <translation>проверить файл базы (целостность, связи, итоги)</translation>
    </message>
    <message>
        <location filename="../../ui/cli.py" line="149"/>
        <source>period summary, top customers and products</source>
        <translation>итоги периода, лучшие клиенты и товары</translation>
    </message>
    <message>
        <location filename="../../ui/cli.py" line="154"/>
        <source>rows in the top lists</source>
        <translation>строк в списках лучших</translation>
    </message>
    <message>
        <location filename="../../ui/cli.py" line="159"/>
        <source>write a verified copy of the database into a folder</source>
        <translation>записать проверенную копию базы в папку</translation>
    </message>
    <message>
        <location filename="../../ui/cli.py" line="166"/>
        <source>folder to write the backup into</source>
        <translation>папка для резервной копии</translation>
    </message>
    <message>
        <location filename="../../ui/cli.py" line="172"/>
        <source>backups to keep in that folder (10)</source>
        <translation>сколько копий хранить в этой папке (10)</translation>
    </message>
    <message>
        <location filename="../../ui/cli.py" line="177"/>
        <source>replace the database with a backup (the current one is saved aside first)</source>
        <translation>заменить базу резервной копией (текущая сначала откладывается)</translation>
    </message>
    <message>
        <location filename="../../ui/cli.py" line="181"/>
        <source>the backup file</source>
        <translation>файл резервной копии</translation>
    </message>
    <message>
        <location filename="../../ui/cli.py" line="185"/>
        <source>write the whole database in the exchange format (XLSX workbook or CSV files)</source>
        <translation>выгрузить всю базу в формате обмена (книга XLSX или файлы CSV)</translation>
    </message>
    <message>
        <location filename="../../ui/cli.py" line="194"/>
        <source>CSV only: excel-ru (; and decimal comma, the default) or standard (, and .)</source>
        <translation>только для CSV: excel-ru (; и десятичная запятая, по умолчанию) или standard (, и .)</translation>
    </message>
    <message>
        <location filename="../../ui/cli.py" line="202"/>
        <source>the .xlsx file, or the folder for the CSV files</source>
        <translation>файл .xlsx или папка для файлов CSV</translation>
    </message>
    <message>
        <location filename="../../ui/cli.py" line="207"/>
        <source>the period report: key figures, top lists, charts</source>
        <translation>отчёт за период: основные показатели, лучшие, графики</translation>
    </message>
    <message>
        <location filename="../../ui/cli.py" line="213"/>
        <source>the .xlsx or .pdf file to write</source>
        <translation>файл .xlsx или .pdf для записи</translation>
    </message>
    <message>
        <location filename="../../ui/cli.py" line="218"/>
        <source>import a sales log or an exchange-format export (XLSX or CSV), all or nothing</source>
        <translation>импортировать журнал продаж или выгрузку в формате обмена (XLSX или CSV), всё или ничего</translation>
    </message>
    <message>
        <location filename="../../ui/cli.py" line="223"/>
        <source>the .xlsx or .csv file</source>
        <translation>файл .xlsx или .csv</translation>
    </message>
    <message>
        <location filename="../../ui/cli.py" line="227"/>
        <source>say what would be imported; write nothing</source>
        <translation>показать, что будет импортировано; ничего не записывать</translation>
    </message>
    <message>
        <location filename="../../ui/cli.py" line="232"/>
        <source>import the good rows; the rejected ones go to &lt;file&gt;.rejected.csv beside it</source>
        <translation>импортировать хорошие строки; отклонённые — в &lt;файл&gt;.rejected.csv рядом</translation>
    </message>
    <message>
        <location filename="../../ui/cli.py" line="239"/>
        <source>for orders changed both in Lavka and in the file since the last import, take the file&apos;s version (by default Lavka&apos;s is kept)</source>
        <translation>для заказов, изменённых и в Лавке, и в файле после прошлого импорта, взять версию файла (по умолчанию остаётся версия Лавки)</translation>
    </message>
    <message>
        <location filename="../../ui/cli_common.py" line="28"/>
        <source>usage: </source>
        <translation>Использование: </translation>
    </message>
    <message>
        <location filename="../../ui/cli_common.py" line="29"/>
        <source>options</source>
        <translation>параметры</translation>
    </message>
    <message>
        <location filename="../../ui/cli_common.py" line="30"/>
        <source>positional arguments</source>
        <translation>позиционные аргументы</translation>
    </message>
    <message>
        <location filename="../../ui/cli_common.py" line="31"/>
        <source>show this help message and exit</source>
        <translation>показать эту справку и выйти</translation>
    </message>
    <message>
        <location filename="../../ui/cli_common.py" line="32"/>
        <source>show program&apos;s version number and exit</source>
        <translation>показать версию программы и выйти</translation>
    </message>
    <message>
        <location filename="../../ui/cli_common.py" line="35"/>
        <source>%1: error: %2</source>
        <translation>%1: ошибка: %2</translation>
    </message>
    <message>
        <location filename="../../ui/cli_common.py" line="39"/>
        <source>the following arguments are required: %1</source>
        <translation>обязательные аргументы не указаны: %1</translation>
    </message>
    <message>
        <location filename="../../ui/cli_common.py" line="40"/>
        <source>argument %1: invalid choice: %2 (choose from %3)</source>
        <translation>аргумент %1: недопустимое значение %2 (возможные: %3)</translation>
    </message>
    <message>
        <location filename="../../ui/cli_common.py" line="41"/>
        <source>unrecognized arguments: %1</source>
        <translation>неизвестные аргументы: %1</translation>
    </message>
    <message>
        <location filename="../../ui/cli_common.py" line="42"/>
        <source>argument %1: expected one argument</source>
        <translation>аргумент %1: нужно одно значение</translation>
    </message>
    <message>
        <location filename="../../ui/cli_common.py" line="43"/>
        <source>argument %1: invalid %2 value: %3</source>
        <translation>аргумент %1: недопустимое значение %3</translation>
    </message>
    <message>
        <location filename="../../ui/cli_common.py" line="44"/>
        <source>argument %1: %2</source>
        <translation>аргумент %1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/cli_common.py" line="47"/>
        <source>&apos;%1&apos; is not a whole number of at least 1</source>
        <translation>&apos;%1&apos; — не целое число не меньше 1</translation>
    </message>
    <message>
        <location filename="../../ui/cli_common.py" line="48"/>
        <source>&apos;%1&apos; is not a date like 2026-09-13</source>
        <translation>&apos;%1&apos; — не дата вида 2026-09-13</translation>
    </message>
    <message>
        <location filename="../../ui/cli_today.py" line="72"/>
        <source>what to do today: tasks, shipments, follow-ups, customers to call</source>
        <translation>что сделать сегодня: задачи, отгрузки, звонки после доставки, кому позвонить</translation>
    </message>
    <message>
        <location filename="../../ui/cli_today.py" line="79"/>
        <source>every contact&apos;s lifecycle segment and cadence</source>
        <translation>сегмент и периодичность покупок каждого клиента</translation>
    </message>
    <message>
        <location filename="../../ui/cli_payments.py" line="24"/>
        <source>Payment of %1 recorded for order %2 (%3).</source>
        <translation>Оплата %1 записана по заказу %2 (%3).</translation>
    </message>
    <message>
        <location filename="../../ui/cli_payments.py" line="25"/>
        <source>Order %1: amount %2, paid %3, owed %4: %5.</source>
        <translation>Заказ %1: сумма %2, оплачено %3, долг %4: %5.</translation>
    </message>
    <message>
        <location filename="../../ui/cli_payments.py" line="26"/>
        <source>Order %1: amount %2, paid %3, to give back %4: %5.</source>
        <translation>Заказ %1: сумма %2, оплачено %3, вернуть %4: %5.</translation>
    </message>
    <message>
        <location filename="../../ui/cli_payments.py" line="29"/>
        <source>unpaid</source>
        <translation>не оплачен</translation>
    </message>
    <message>
        <location filename="../../ui/cli_payments.py" line="30"/>
        <source>partly paid</source>
        <translation>оплачен частично</translation>
    </message>
    <message>
        <location filename="../../ui/cli_payments.py" line="31"/>
        <source>paid</source>
        <translation>оплачен</translation>
    </message>
    <message>
        <location filename="../../ui/cli_payments.py" line="32"/>
        <source>overpaid</source>
        <translation>переплата</translation>
    </message>
    <message>
        <location filename="../../ui/cli_payments.py" line="33"/>
        <source>cancelled, overpaid</source>
        <translation>отменён, переплата</translation>
    </message>
    <message>
        <location filename="../../ui/cli_payments.py" line="34"/>
        <source>cash</source>
        <translation>наличные</translation>
    </message>
    <message>
        <location filename="../../ui/cli_payments.py" line="35"/>
        <source>card</source>
        <translation>карта</translation>
    </message>
    <message>
        <location filename="../../ui/cli_payments.py" line="36"/>
        <source>transfer</source>
        <translation>перевод</translation>
    </message>
    <message>
        <location filename="../../ui/cli_payments.py" line="37"/>
        <source>other</source>
        <translation>другое</translation>
    </message>
    <message>
        <location filename="../../ui/cli_payments.py" line="38"/>
        <source>Debtors on %1: %2 owe %3, overdue %4</source>
        <translation>Должники на %1: %2, долг %3, просрочено %4</translation>
    </message>
    <message>
        <location filename="../../ui/cli_payments.py" line="39"/>
        <source>Nobody owes anything on %1.</source>
        <translation>На %1 никто ничего не должен.</translation>
    </message>
    <message>
        <location filename="../../ui/cli_forecast.py" line="25"/>
        <source>Forecast on %1: %2 from %3 of %4 open deals</source>
        <translation>Прогноз на %1: %2 по %3 из %4 открытых сделок</translation>
    </message>
    <message>
        <location filename="../../ui/cli_forecast.py" line="26"/>
        <source>(the deals at the floor of %1 are not counted in the forecast)</source>
        <translation>(сделки с вероятностью на нижней границе %1 в прогноз не входят)</translation>
    </message>
    <message>
        <location filename="../../ui/cli_forecast.py" line="29"/>
        <source>Classes: %1</source>
        <translation>Классы: %1</translation>
    </message>
    <message>
        <location filename="../../ui/cli_forecast.py" line="30"/>
        <source>of them C2, slid down: %1</source>
        <translation>из них C2, сползли вниз: %1</translation>
    </message>
    <message>
        <location filename="../../ui/cli_forecast.py" line="31"/>
        <source>No open deals on %1: the forecast is 0.</source>
        <translation>На %1 открытых сделок нет: прогноз 0.</translation>
    </message>
    <message>
        <location filename="../../ui/cli_forecast.py" line="32"/>
        <source>Order</source>
        <translation>Заказ</translation>
    </message>
    <message>
        <location filename="../../ui/cli_forecast.py" line="33"/>
        <location filename="../../ui/cli_payments.py" line="40"/>
        <source>Customer</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <location filename="../../ui/cli_forecast.py" line="34"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../ui/cli_forecast.py" line="35"/>
        <source>Days</source>
        <translation>Дней</translation>
    </message>
    <message>
        <location filename="../../ui/cli_forecast.py" line="36"/>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <location filename="../../ui/cli_forecast.py" line="37"/>
        <source>Probability</source>
        <translation>Вероятность</translation>
    </message>
    <message>
        <location filename="../../ui/cli_forecast.py" line="39"/>
        <source>Class</source>
        <translation>Класс</translation>
    </message>
    <message>
        <location filename="../../ui/cli_forecast.py" line="47"/>
        <source>the sales forecast: every open deal scored</source>
        <translation>прогноз продаж: оценка каждой открытой сделки</translation>
    </message>
    <message>
        <location filename="../../ui/cli_payments.py" line="41"/>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <location filename="../../ui/cli_payments.py" line="42"/>
        <source>Orders</source>
        <translation>Заказы</translation>
    </message>
    <message>
        <location filename="../../ui/cli_payments.py" line="43"/>
        <source>Owed</source>
        <translation>Долг</translation>
    </message>
    <message>
        <location filename="../../ui/cli_payments.py" line="44"/>
        <source>Overdue</source>
        <translation>Просрочено</translation>
    </message>
    <message>
        <location filename="../../ui/cli_payments.py" line="45"/>
        <source>Days overdue</source>
        <translation>Дней просрочки</translation>
    </message>
    <message>
        <location filename="../../ui/cli_payments.py" line="51"/>
        <source>record a payment for an order</source>
        <translation>записать оплату по заказу</translation>
    </message>
    <message>
        <location filename="../../ui/cli_documents.py" line="24"/>
        <source>Invoice No. %1 of %2 for order %3: %4</source>
        <translation>Счёт на оплату № %1 от %2 по заказу %3: %4</translation>
    </message>
    <message>
        <location filename="../../ui/cli_documents.py" line="25"/>
        <source>Delivery note No. %1 of %2 for order %3: %4</source>
        <translation>Товарная накладная № %1 от %2 по заказу %3: %4</translation>
    </message>
    <message>
        <location filename="../../ui/cli_documents.py" line="26"/>
        <source>Sales receipt No. %1 of %2 for order %3: %4</source>
        <translation>Товарный чек № %1 от %2 по заказу %3: %4</translation>
    </message>
    <message>
        <location filename="../../ui/cli_documents.py" line="27"/>
        <source>The order has changed since this document was issued; --new-version issues a new one with the next number.</source>
        <translation>Заказ изменился после выписки этого документа; --new-version выпишет новый со следующим номером.</translation>
    </message>
    <message>
        <location filename="../../ui/cli_documents.py" line="32"/>
        <source>Only a delivery note is written as XLSX; choose a .pdf file instead of %1.</source>
        <translation>В XLSX записывается только товарная накладная; вместо %1 укажите файл .pdf.</translation>
    </message>
    <message>
        <location filename="../../ui/cli_documents.py" line="42"/>
        <source>an invoice, delivery note or sales receipt of an order as a PDF</source>
        <translation>счёт, товарная накладная или товарный чек заказа в PDF</translation>
    </message>
    <message>
        <location filename="../../ui/cli_documents.py" line="48"/>
        <location filename="../../ui/cli_payments.py" line="53"/>
        <source>the order&apos;s number</source>
        <translation>номер заказа</translation>
    </message>
    <message>
        <location filename="../../ui/cli_documents.py" line="54"/>
        <source>the .pdf file to write (.xlsx for a delivery note)</source>
        <translation>файл .pdf, куда записать (.xlsx для товарной накладной)</translation>
    </message>
    <message>
        <location filename="../../ui/cli_documents.py" line="59"/>
        <source>the document&apos;s language (the interface language)</source>
        <translation>язык документа (по умолчанию язык интерфейса)</translation>
    </message>
    <message>
        <location filename="../../ui/cli_documents.py" line="64"/>
        <source>issue a new document with the next number even if the order has one</source>
        <translation>выписать новый документ со следующим номером, даже если у заказа он уже есть</translation>
    </message>
    <message>
        <location filename="../../ui/cli_payments.py" line="55"/>
        <source>the amount paid (1250.50 or 1 250,50)</source>
        <translation>сумма оплаты (1250.50 или 1 250,50)</translation>
    </message>
    <message>
        <location filename="../../ui/cli_payments.py" line="60"/>
        <source>the day it was paid (YYYY-MM-DD or DD.MM.YYYY; today)</source>
        <translation>день оплаты (ГГГГ-ММ-ДД или ДД.ММ.ГГГГ; по умолчанию сегодня)</translation>
    </message>
    <message>
        <location filename="../../ui/cli_payments.py" line="65"/>
        <source>cash, card, transfer or other (cash)</source>
        <translation>cash (наличные), card (карта), transfer (перевод) или other (другое); по умолчанию cash</translation>
    </message>
    <message>
        <location filename="../../ui/cli_payments.py" line="67"/>
        <source>a note on the payment</source>
        <translation>заметка к оплате</translation>
    </message>
    <message>
        <location filename="../../ui/cli_payments.py" line="71"/>
        <source>who owes money, the most overdue first</source>
        <translation>кто должен деньги, сначала самые просроченные долги</translation>
    </message>
    <message>
        <location filename="../../ui/cli_common.py" line="171"/>
        <source>compute as if today were this day (YYYY-MM-DD)</source>
        <translation>считать, как если бы сегодня был этот день (ГГГГ-ММ-ДД)</translation>
    </message>
    <message>
        <location filename="../../ui/cli_today.py" line="84"/>
        <source>tasks: add, list, done</source>
        <translation>задачи: add (добавить), list (список), done (выполнено)</translation>
    </message>
    <message>
        <location filename="../../ui/cli_today.py" line="87"/>
        <source>add a task</source>
        <translation>добавить задачу</translation>
    </message>
    <message>
        <location filename="../../ui/cli_today.py" line="88"/>
        <source>what is to be done</source>
        <translation>что нужно сделать</translation>
    </message>
    <message>
        <location filename="../../ui/cli_today.py" line="92"/>
        <source>the day it is due (YYYY-MM-DD or DD.MM.YYYY)</source>
        <translation>срок (ГГГГ-ММ-ДД или ДД.ММ.ГГГГ)</translation>
    </message>
    <message>
        <location filename="../../ui/cli_today.py" line="94"/>
        <source>the time it is due (14:30)</source>
        <translation>время (14:30)</translation>
    </message>
    <message>
        <location filename="../../ui/cli_today.py" line="96"/>
        <source>the contact it is about, by phone in any form</source>
        <translation>клиент, по телефону в любом виде</translation>
    </message>
    <message>
        <location filename="../../ui/cli_today.py" line="101"/>
        <source>the order it is about (its number)</source>
        <translation>заказ (его номер)</translation>
    </message>
    <message>
        <location filename="../../ui/cli_today.py" line="103"/>
        <source>more words</source>
        <translation>подробности</translation>
    </message>
    <message>
        <location filename="../../ui/cli_today.py" line="105"/>
        <source>open tasks by due day</source>
        <translation>открытые задачи по срокам</translation>
    </message>
    <message>
        <location filename="../../ui/cli_today.py" line="108"/>
        <source>done tasks too</source>
        <translation>и выполненные задачи</translation>
    </message>
    <message>
        <location filename="../../ui/cli_today.py" line="112"/>
        <source>mark a task done</source>
        <translation>отметить задачу выполненной</translation>
    </message>
    <message>
        <location filename="../../ui/cli_today.py" line="115"/>
        <source>the task&apos;s number (task list shows it)</source>
        <translation>номер задачи (его показывает task list)</translation>
    </message>
    <message>
        <location filename="../../ui/cli_stock.py" line="34"/>
        <source>Stock on %1</source>
        <translation>Остатки на %1</translation>
    </message>
    <message>
        <location filename="../../ui/cli_stock.py" line="35"/>
        <source>No products yet.</source>
        <translation>Товаров пока нет.</translation>
    </message>
    <message>
        <location filename="../../ui/cli_stock.py" line="36"/>
        <source>Product</source>
        <translation>Товар</translation>
    </message>
    <message>
        <location filename="../../ui/cli_stock.py" line="37"/>
        <source>In stock</source>
        <translation>В наличии</translation>
    </message>
    <message>
        <location filename="../../ui/cli_stock.py" line="38"/>
        <source>Reserved</source>
        <translation>В резерве</translation>
    </message>
    <message>
        <location filename="../../ui/cli_stock.py" line="39"/>
        <source>Available</source>
        <translation>Доступно</translation>
    </message>
    <message>
        <location filename="../../ui/cli_stock.py" line="40"/>
        <source>Minimum</source>
        <translation>Минимум</translation>
    </message>
    <message>
        <location filename="../../ui/cli_stock.py" line="41"/>
        <source>Below minimum</source>
        <translation>Ниже минимума</translation>
    </message>
    <message>
        <location filename="../../ui/cli_stock.py" line="42"/>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <location filename="../../ui/cli_stock.py" line="43"/>
        <source>Empty figures: a product not tracked yet (no purchase or adjustment).</source>
        <translation>Пустые цифры: остаток товара ещё не ведётся (нет ни закупки, ни корректировки).</translation>
    </message>
    <message>
        <location filename="../../ui/cli_stock.py" line="46"/>
        <source>There is no product &apos;%1&apos;: give a product&apos;s name or its number.</source>
        <translation>Товара «%1» нет: укажите название товара или его номер.</translation>
    </message>
    <message>
        <location filename="../../ui/cli_stock.py" line="49"/>
        <source>Purchase %1 of %2 saved: %3, %4 × %5 = %6.</source>
        <translation>Закупка № %1 от %2 сохранена: %3, %4 × %5 = %6.</translation>
    </message>
    <message>
        <location filename="../../ui/cli_stock.py" line="50"/>
        <source>%1 on %2: in stock %3, reserved %4, available %5.</source>
        <translation>%1 на %2: в наличии %3, в резерве %4, доступно %5.</translation>
    </message>
    <message>
        <location filename="../../ui/cli_stock.py" line="58"/>
        <source>stock per product: in stock, reserved, available, below the minimum</source>
        <translation>остатки по товарам: в наличии, в резерве, доступно, ниже минимума</translation>
    </message>
    <message>
        <location filename="../../ui/cli_stock.py" line="64"/>
        <source>record goods bought (purchase add)</source>
        <translation>записать закупку товара (purchase add)</translation>
    </message>
    <message>
        <location filename="../../ui/cli_stock.py" line="70"/>
        <source>record a purchase of one product (one batch)</source>
        <translation>записать закупку одного товара (одну партию)</translation>
    </message>
    <message>
        <location filename="../../ui/cli_stock.py" line="75"/>
        <source>the product&apos;s name or number</source>
        <translation>название или номер товара</translation>
    </message>
    <message>
        <location filename="../../ui/cli_stock.py" line="78"/>
        <source>how many units were bought</source>
        <translation>сколько штук куплено</translation>
    </message>
    <message>
        <location filename="../../ui/cli_stock.py" line="83"/>
        <source>the cost of one unit (500 or 1 250,50)</source>
        <translation>закупочная цена за штуку (500 или 1 250,50)</translation>
    </message>
    <message>
        <location filename="../../ui/cli_stock.py" line="89"/>
        <source>the day it was bought (YYYY-MM-DD or DD.MM.YYYY; today)</source>
        <translation>день закупки (ГГГГ-ММ-ДД или ДД.ММ.ГГГГ; по умолчанию сегодня)</translation>
    </message>
    <message>
        <location filename="../../ui/cli_migrate.py" line="19"/>
        <source>Moved %1 to %2: %3 rows in %4 tables, each table&apos;s rows and money totals checked.</source>
        <translation>%1 перенесена в %2: %3 строк в %4 таблицах, строки и денежные итоги каждой таблицы сверены.</translation>
    </message>
    <message>
        <location filename="../../ui/cli_migrate.py" line="22"/>
        <source>Open it with: lavka --db %1</source>
        <translation>Открыть её: lavka --db %1</translation>
    </message>
    <message>
        <location filename="../../ui/cli_migrate.py" line="30"/>
        <source>copy the database file into an empty PostgreSQL database (a shared server)</source>
        <translation>скопировать файл базы в пустую базу PostgreSQL (общий сервер)</translation>
    </message>
    <message>
        <location filename="../../ui/cli_migrate.py" line="38"/>
        <source>the empty database: postgresql://user@host/database</source>
        <translation>пустая база: postgresql://пользователь@сервер/база</translation>
    </message>
</context>
<context>
    <name>ColumnPanel</name>
    <message>
        <location filename="../../ui/board/column.py" line="151"/>
        <source>and %1 more</source>
        <translation>и ещё %1</translation>
    </message>
    <message>
        <location filename="../../ui/board/column.py" line="152"/>
        <source>Older orders of this status are in Orders.</source>
        <translation>Более ранние заказы в этом статусе — в разделе «Заказы».</translation>
    </message>
</context>
<context>
    <name>Confirm</name>
    <message>
        <location filename="../../ui/orders/questions.py" line="47"/>
        <source>Delete order No. %1 with its lines and payments? A deal that fell through is better cancelled: it stays in the figures of losses.</source>
        <translation>Удалить заказ № %1 со строками и оплатами? Сорвавшуюся сделку лучше отменить: она останется в отчёте о потерях.</translation>
    </message>
    <message>
        <location filename="../../ui/orders/questions.py" line="52"/>
        <source>Delete order</source>
        <translation>Удаление заказа</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../ui/widgets/conflict.py" line="61"/>
        <location filename="../../ui/widgets/conflict.py" line="76"/>
        <source>Saved by someone else</source>
        <translation>Сохранено другим</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/conflict.py" line="64"/>
        <source>Order %1 was saved by someone else after you opened it. Choose which version to keep.</source>
        <translation>Заказ %1 сохранил кто-то другой, пока он был у вас открыт. Выберите, какую версию оставить.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/conflict.py" line="69"/>
        <source>The card “%1” was saved by someone else after you opened it. Choose which version to keep.</source>
        <translation>Карточку «%1» сохранил кто-то другой, пока она была у вас открыта. Выберите, какую версию оставить.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/conflict.py" line="76"/>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/conflict.py" line="76"/>
        <source>Yours</source>
        <translation>Ваше</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/conflict.py" line="91"/>
        <source>The versions differ here</source>
        <translation>Здесь версии различаются</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/conflict.py" line="104"/>
        <source>Keep mine</source>
        <translation>Оставить моё</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/conflict.py" line="105"/>
        <source>Save your version over the one saved by someone else</source>
        <translation>Сохранить вашу версию поверх сохранённой другим</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/conflict.py" line="110"/>
        <source>Take theirs</source>
        <translation>Взять сохранённое</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/conflict.py" line="111"/>
        <source>Drop your changes and show the version saved by someone else</source>
        <translation>Отказаться от ваших изменений и показать версию, сохранённую другим</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/conflict.py" line="116"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/conflict.py" line="117"/>
        <source>Back to editing; nothing is saved</source>
        <translation>Вернуться к редактированию; ничего не сохраняется</translation>
    </message>
</context>
<context>
    <name>ContactActivity</name>
    <message>
        <location filename="../../ui/contacts/activity.py" line="49"/>
        <source>Called, will order after the 15th…</source>
        <translation>Звонил, закажет после 15-го…</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/activity.py" line="50"/>
        <source>Add note</source>
        <translation>Добавить заметку</translation>
    </message>
</context>
<context>
    <name>ContactConflict</name>
    <message>
        <location filename="../../ui/contacts/conflict.py" line="20"/>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/conflict.py" line="21"/>
        <source>Company name</source>
        <translation>Название компании</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/conflict.py" line="22"/>
        <source>Legal name</source>
        <translation>Юр. название</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/conflict.py" line="23"/>
        <source>INN</source>
        <translation>ИНН</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/conflict.py" line="24"/>
        <source>Company</source>
        <translation>Компания</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/conflict.py" line="25"/>
        <source>Job title</source>
        <translation>Должность</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/conflict.py" line="26"/>
        <source>Phones</source>
        <translation>Телефоны</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/conflict.py" line="27"/>
        <source>E-mails</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/conflict.py" line="28"/>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/conflict.py" line="29"/>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/conflict.py" line="30"/>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/conflict.py" line="31"/>
        <source>Payment terms, days</source>
        <translation>Отсрочка оплаты, дней</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/conflict.py" line="32"/>
        <source>Tags</source>
        <translation>Метки</translation>
    </message>
</context>
<context>
    <name>ContactListModel</name>
    <message>
        <location filename="../../ui/contacts/models.py" line="33"/>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/models.py" line="33"/>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/models.py" line="33"/>
        <source>Segment</source>
        <translation>Сегмент</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/models.py" line="44"/>
        <source>Tags</source>
        <translation>Метки</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/models.py" line="45"/>
        <source>Contacts</source>
        <translation>Клиенты</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/models.py" line="50"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/models.py" line="77"/>
        <source>A company</source>
        <translation>Компания</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/models.py" line="79"/>
        <source>Works at %1</source>
        <translation>Работает в «%1»</translation>
    </message>
</context>
<context>
    <name>ContactOrdersModel</name>
    <message>
        <location filename="../../ui/contacts/models.py" line="93"/>
        <source>No.</source>
        <translation>№</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/models.py" line="93"/>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/models.py" line="93"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/models.py" line="94"/>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/models.py" line="94"/>
        <source>Profit</source>
        <translation>Прибыль</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/models.py" line="94"/>
        <source>Margin</source>
        <translation>Маржа</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/models.py" line="111"/>
        <source>refund due %1</source>
        <translation>к возврату %1</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/models.py" line="113"/>
        <source>balance %1</source>
        <translation>остаток %1</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/models.py" line="114"/>
        <source>Paid %1 · %2</source>
        <translation>Оплачено %1 · %2</translation>
    </message>
</context>
<context>
    <name>ContactPicker</name>
    <message>
        <location filename="../../ui/contacts/picker.py" line="29"/>
        <source>Name or phone…</source>
        <translation>Имя или телефон…</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/picker.py" line="36"/>
        <source>New contact…</source>
        <translation>Новый клиент…</translation>
    </message>
</context>
<context>
    <name>ContactsView</name>
    <message>
        <location filename="../../ui/contacts/view.py" line="148"/>
        <source>Save contact</source>
        <translation>Сохранить клиента</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/view.py" line="149"/>
        <location filename="../../ui/contacts/view.py" line="293"/>
        <location filename="../../ui/contacts/view.py" line="968"/>
        <source>Archive</source>
        <translation>В архив</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/view.py" line="150"/>
        <source>Delete contact…</source>
        <translation>Удалить карточку…</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/view.py" line="151"/>
        <source>Merge the two chosen…</source>
        <translation>Объединить две выбранные…</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/view.py" line="153"/>
        <source>Choose two contacts (or two companies) in the list with Ctrl, then merge</source>
        <translation>Выберите в списке двух клиентов (или две компании) с Ctrl и объедините их</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/view.py" line="155"/>
        <source>Possible duplicates…</source>
        <translation>Возможные дубли…</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/view.py" line="157"/>
        <source>Tidy up</source>
        <translation>Навести порядок</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/view.py" line="158"/>
        <source>Merge duplicates, find them, delete a card</source>
        <translation>Объединить дубли, найти их, удалить карточку</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/view.py" line="167"/>
        <source>Name or phone</source>
        <translation>Имя или телефон</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/view.py" line="169"/>
        <source>Show archived</source>
        <translation>Показывать архивных</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/view.py" line="171"/>
        <source>People and companies</source>
        <translation>Люди и компании</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/view.py" line="172"/>
        <location filename="../../ui/contacts/view.py" line="380"/>
        <source>People</source>
        <translation>Люди</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/view.py" line="173"/>
        <source>Companies</source>
        <translation>Компании</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/view.py" line="176"/>
        <source>All segments</source>
        <translation>Все сегменты</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/view.py" line="215"/>
        <source>Add a phone</source>
        <translation>Добавить телефон</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/view.py" line="216"/>
        <source>Add an e-mail</source>
        <translation>Добавить e-mail</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/view.py" line="237"/>
        <source>Days after an order&apos;s date its payment is due</source>
        <translation>Через сколько дней после даты заказа его нужно оплатить</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/view.py" line="253"/>
        <location filename="../../ui/contacts/view.py" line="762"/>
        <source>Name:</source>
        <translation>Имя:</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/view.py" line="258"/>
        <source>Tags:</source>
        <translation>Метки:</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/view.py" line="263"/>
        <source>Job title:</source>
        <translation>Должность:</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/view.py" line="266"/>
        <location filename="../../ui/contacts/view.py" line="762"/>
        <source>Company:</source>
        <translation>Компания:</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/view.py" line="267"/>
        <source>INN:</source>
        <translation>ИНН:</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/view.py" line="271"/>
        <source>Legal name:</source>
        <translation>Юр. название:</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/view.py" line="272"/>
        <source>Phones:</source>
        <translation>Телефоны:</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/view.py" line="273"/>
        <source>E-mails:</source>
        <translation>E-mail:</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/view.py" line="274"/>
        <source>Address:</source>
        <translation>Адрес:</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/view.py" line="275"/>
        <source>Notes:</source>
        <translation>Заметки:</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/view.py" line="281"/>
        <source>Payment terms, days:</source>
        <translation>Отсрочка оплаты, дней:</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/view.py" line="286"/>
        <source>Channel:</source>
        <translation>Канал:</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/view.py" line="290"/>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/view.py" line="291"/>
        <source>New contact</source>
        <translation>Новый клиент</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/view.py" line="292"/>
        <location filename="../../ui/contacts/view.py" line="628"/>
        <source>New company</source>
        <translation>Новая компания</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/view.py" line="294"/>
        <source>New task…</source>
        <translation>Новая задача…</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/view.py" line="309"/>
        <source>Orders:</source>
        <translation>Заказов:</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/view.py" line="309"/>
        <source>Revenue:</source>
        <translation>Выручка:</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/view.py" line="309"/>
        <source>Profit:</source>
        <translation>Прибыль:</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/view.py" line="309"/>
        <source>Margin:</source>
        <translation>Маржа:</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/view.py" line="310"/>
        <source>Average check:</source>
        <translation>Средний чек:</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/view.py" line="310"/>
        <source>First purchase:</source>
        <translation>Первая покупка:</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/view.py" line="310"/>
        <source>Last purchase:</source>
        <translation>Последняя покупка:</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/view.py" line="311"/>
        <source>Planned revenue:</source>
        <translation>Запланированная выручка:</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/view.py" line="314"/>
        <source>Figures</source>
        <translation>Показатели</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/view.py" line="347"/>
        <source>Open order</source>
        <translation>Открыть заказ</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/view.py" line="348"/>
        <location filename="../../ui/contacts/view.py" line="354"/>
        <source>Payment received…</source>
        <translation>Получена оплата…</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/view.py" line="355"/>
        <source>Record money received for the chosen order</source>
        <translation>Записать оплату по выбранному заказу</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/view.py" line="367"/>
        <source>Add a person…</source>
        <translation>Добавить сотрудника…</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/view.py" line="368"/>
        <source>A new contact person at this company</source>
        <translation>Новое контактное лицо этой компании</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/view.py" line="378"/>
        <source>Orders</source>
        <translation>Заказы</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/view.py" line="379"/>
        <source>Activity</source>
        <translation>История</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/view.py" line="384"/>
        <source>History</source>
        <translation>История</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/view.py" line="549"/>
        <source>Delete &apos;%1&apos;? Its notes and reminders go with it.</source>
        <translation>Удалить «%1»? Заметки и напоминания удалятся вместе с карточкой.</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/view.py" line="552"/>
        <source>Delete contact</source>
        <translation>Удаление карточки</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/view.py" line="627"/>
        <source>There is no company &apos;%1&apos;: pick one from the list, or make it with</source>
        <translation>Компании «%1» нет: выберите её из списка или заведите кнопкой</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/view.py" line="655"/>
        <source>Open %1</source>
        <translation>Открыть «%1»</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/view.py" line="878"/>
        <source>Owed: %1</source>
        <translation>Долг: %1</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/view.py" line="880"/>
        <source>overdue: %1</source>
        <translation>просрочено: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/contacts/view.py" line="883"/>
        <source>Oldest debt: %1 (%n day(s) overdue)</source>
        <translation>
            <numerusform>Самый давний долг: %1 (просрочен на %n день)</numerusform>
            <numerusform>Самый давний долг: %1 (просрочен на %n дня)</numerusform>
            <numerusform>Самый давний долг: %1 (просрочен на %n дней)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/contacts/view.py" line="885"/>
        <source>Oldest debt: %1 (not due yet)</source>
        <translation>Самый давний долг: %1 (срок ещё не наступил)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/contacts/view.py" line="943"/>
        <source>buys every ~%n day(s)</source>
        <translation>
            <numerusform>покупает раз в ~%n день</numerusform>
            <numerusform>покупает раз в ~%n дня</numerusform>
            <numerusform>покупает раз в ~%n дней</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/contacts/view.py" line="945"/>
        <source>last purchase %n day(s) ago</source>
        <translation>
            <numerusform>последняя покупка %n день назад</numerusform>
            <numerusform>последняя покупка %n дня назад</numerusform>
            <numerusform>последняя покупка %n дней назад</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/contacts/view.py" line="947"/>
        <source>due to reorder</source>
        <translation>пора повторить заказ</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/view.py" line="968"/>
        <source>Unarchive</source>
        <translation>Вернуть из архива</translation>
    </message>
</context>
<context>
    <name>ConversionStrip</name>
    <message>
        <location filename="../../ui/board/conversion.py" line="22"/>
        <source>Conversion by stage:</source>
        <translation>Конверсия по этапам:</translation>
    </message>
    <message>
        <location filename="../../ui/board/conversion.py" line="34"/>
        <source>reached %1 → won %2 (%3)</source>
        <translation>дошли %1 → выиграно %2 (%3)</translation>
    </message>
    <message>
        <location filename="../../ui/board/conversion.py" line="43"/>
        <source>All orders:</source>
        <translation>Все заказы:</translation>
    </message>
    <message>
        <location filename="../../ui/board/conversion.py" line="44"/>
        <source>orders %1 · won %2 · lost %3 · conversion %4</source>
        <translation>заказов %1 · выиграно %2 · проиграно %3 · конверсия %4</translation>
    </message>
</context>
<context>
    <name>CostSourceText</name>
    <message>
        <location filename="../../ui/stock/sources.py" line="24"/>
        <source>Typed</source>
        <translation>Вручную</translation>
    </message>
    <message>
        <location filename="../../ui/stock/sources.py" line="27"/>
        <source>FIFO when saved</source>
        <translation>ФИФО при сохранении</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/stock/sources.py" line="31"/>
        <location filename="../../ui/stock/sources.py" line="38"/>
        <source>FIFO, %n beyond stock</source>
        <translation>
            <numerusform>ФИФО, %n сверх остатка</numerusform>
            <numerusform>ФИФО, %n сверх остатка</numerusform>
            <numerusform>ФИФО, %n сверх остатка</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/stock/sources.py" line="31"/>
        <source>FIFO</source>
        <translation>ФИФО</translation>
    </message>
    <message>
        <location filename="../../ui/stock/sources.py" line="45"/>
        <source>purchase No. %1 of %2, document %3</source>
        <translation>закупка № %1 от %2, документ %3</translation>
    </message>
    <message>
        <location filename="../../ui/stock/sources.py" line="47"/>
        <source>purchase No. %1 of %2</source>
        <translation>закупка № %1 от %2</translation>
    </message>
    <message>
        <location filename="../../ui/stock/sources.py" line="54"/>
        <source>%1 × %2 beyond stock (at the cost of %3)</source>
        <translation>%1 × %2 сверх остатка (по цене: %3)</translation>
    </message>
    <message>
        <location filename="../../ui/stock/sources.py" line="56"/>
        <source>%1 × %2 (%3)</source>
        <translation>%1 × %2 (%3)</translation>
    </message>
    <message>
        <location filename="../../ui/stock/sources.py" line="66"/>
        <source>FIFO: %1</source>
        <translation>ФИФО: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/stock/sources.py" line="72"/>
        <source>%n unit(s) beyond stock, costed at the last purchase until stock arrives</source>
        <translation>
            <numerusform>%n шт. сверх остатка — по цене последней закупки, пока не придёт товар</numerusform>
            <numerusform>%n шт. сверх остатка — по цене последней закупки, пока не придёт товар</numerusform>
            <numerusform>%n шт. сверх остатка — по цене последней закупки, пока не придёт товар</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/stock/sources.py" line="81"/>
        <source>The cost is computed by FIFO from the purchases when the order is saved; the cost shown until then is an estimate.</source>
        <translation>Себестоимость считается по ФИФО из закупок при сохранении заказа; до тех пор показана оценка.</translation>
    </message>
    <message>
        <location filename="../../ui/stock/sources.py" line="86"/>
        <source>Computed by FIFO from the purchases when the order is saved: not typed.</source>
        <translation>Считается по ФИФО из закупок при сохранении заказа, а не вводится.</translation>
    </message>
    <message>
        <location filename="../../ui/stock/sources.py" line="91"/>
        <source>Typed: the lines of a lost order take no goods from the stock.</source>
        <translation>Вручную: строки отменённого заказа не берут товар со склада.</translation>
    </message>
    <message>
        <location filename="../../ui/stock/sources.py" line="93"/>
        <source>Typed: the line is dated before the product&apos;s stock is counted (%1).</source>
        <translation>Вручную: строка датирована раньше начала учёта остатка товара (%1).</translation>
    </message>
    <message>
        <location filename="../../ui/stock/sources.py" line="96"/>
        <source>Typed: the product has no purchases, so the line keeps the cost typed on it.</source>
        <translation>Вручную: у товара нет закупок, поэтому в строке остаётся введённая себестоимость.</translation>
    </message>
</context>
<context>
    <name>CustomersModel</name>
    <message>
        <location filename="../../ui/today/models.py" line="185"/>
        <source>Customer</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <location filename="../../ui/today/models.py" line="185"/>
        <source>Segment</source>
        <translation>Сегмент</translation>
    </message>
    <message>
        <location filename="../../ui/today/models.py" line="185"/>
        <source>Buys every</source>
        <translation>Покупает раз в</translation>
    </message>
    <message>
        <location filename="../../ui/today/models.py" line="186"/>
        <source>Last purchase</source>
        <translation>Последняя покупка</translation>
    </message>
    <message>
        <location filename="../../ui/today/models.py" line="189"/>
        <source>Usually buys</source>
        <translation>Обычно берёт</translation>
    </message>
    <message>
        <location filename="../../ui/today/models.py" line="189"/>
        <source>Average check</source>
        <translation>Средний чек</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/today/models.py" line="199"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n день</numerusform>
            <numerusform>%n дня</numerusform>
            <numerusform>%n дней</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/today/models.py" line="200"/>
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n день назад</numerusform>
            <numerusform>%n дня назад</numerusform>
            <numerusform>%n дней назад</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DayShipmentsModel</name>
    <message>
        <location filename="../../ui/calendar/models.py" line="182"/>
        <source>Contact</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/models.py" line="182"/>
        <source>Product</source>
        <translation>Товар</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/models.py" line="182"/>
        <source>Quantity</source>
        <translation>Количество</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/models.py" line="182"/>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
</context>
<context>
    <name>DayTasksModel</name>
    <message>
        <location filename="../../ui/calendar/models.py" line="242"/>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/models.py" line="242"/>
        <source>Task</source>
        <translation>Задача</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/models.py" line="242"/>
        <source>Customer</source>
        <translation>Клиент</translation>
    </message>
</context>
<context>
    <name>DocumentDialog</name>
    <message>
        <location filename="../../ui/documents/dialog.py" line="55"/>
        <source>Invoice %1 %2</source>
        <translation>Счёт %1 от %2</translation>
    </message>
    <message>
        <location filename="../../ui/documents/dialog.py" line="56"/>
        <source>Delivery note %1 %2</source>
        <translation>Накладная %1 от %2</translation>
    </message>
    <message>
        <location filename="../../ui/documents/dialog.py" line="57"/>
        <source>Sales receipt %1 %2</source>
        <translation>Товарный чек %1 от %2</translation>
    </message>
    <message>
        <location filename="../../ui/documents/dialog.py" line="90"/>
        <source>PDF document (*.pdf)</source>
        <translation>Документ PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/documents/dialog.py" line="92"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Книга Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/documents/dialog.py" line="99"/>
        <source>Save the document</source>
        <translation>Сохранить документ</translation>
    </message>
    <message>
        <location filename="../../ui/documents/dialog.py" line="147"/>
        <source>The language the document is written in</source>
        <translation>Язык, на котором составлен документ</translation>
    </message>
    <message>
        <location filename="../../ui/documents/dialog.py" line="149"/>
        <source>Order:</source>
        <translation>Заказ:</translation>
    </message>
    <message>
        <location filename="../../ui/documents/dialog.py" line="150"/>
        <source>Buyer:</source>
        <translation>Покупатель:</translation>
    </message>
    <message>
        <location filename="../../ui/documents/dialog.py" line="151"/>
        <source>Total:</source>
        <translation>Итого:</translation>
    </message>
    <message>
        <location filename="../../ui/documents/dialog.py" line="152"/>
        <source>Language:</source>
        <translation>Язык:</translation>
    </message>
    <message>
        <location filename="../../ui/documents/dialog.py" line="157"/>
        <source>Issue a new version</source>
        <translation>Выпустить новую версию</translation>
    </message>
    <message>
        <location filename="../../ui/documents/dialog.py" line="159"/>
        <source>A new document with the next number, made from the order as it is now</source>
        <translation>Новый документ со следующим номером — по заказу в его нынешнем виде</translation>
    </message>
    <message>
        <location filename="../../ui/documents/dialog.py" line="170"/>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <location filename="../../ui/documents/dialog.py" line="171"/>
        <source>Show the PDF in the system&apos;s viewer</source>
        <translation>Показать PDF в программе просмотра</translation>
    </message>
    <message>
        <location filename="../../ui/documents/dialog.py" line="172"/>
        <source>Save as…</source>
        <translation>Сохранить как…</translation>
    </message>
    <message>
        <location filename="../../ui/documents/dialog.py" line="173"/>
        <source>Print…</source>
        <translation>Печать…</translation>
    </message>
    <message>
        <location filename="../../ui/documents/dialog.py" line="174"/>
        <source>Print the document (Ctrl+P)</source>
        <translation>Напечатать документ (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../ui/documents/dialog.py" line="231"/>
        <source>No program to show PDF files was found. The document is at %1</source>
        <translation>Не найдена программа для просмотра PDF. Документ сохранён: %1</translation>
    </message>
    <message>
        <location filename="../../ui/documents/dialog.py" line="280"/>
        <source>No. %1 of %2</source>
        <translation>№ %1 от %2</translation>
    </message>
    <message>
        <location filename="../../ui/documents/dialog.py" line="288"/>
        <source>A newer version of this document was issued.</source>
        <translation>Выпущена более новая версия этого документа.</translation>
    </message>
    <message>
        <location filename="../../ui/documents/dialog.py" line="295"/>
        <source>The order has changed since this invoice was issued.</source>
        <translation>Заказ изменился после выставления этого счёта.</translation>
    </message>
    <message>
        <location filename="../../ui/documents/dialog.py" line="296"/>
        <source>The order has changed since this delivery note was issued.</source>
        <translation>Заказ изменился после выписки этой накладной.</translation>
    </message>
    <message>
        <location filename="../../ui/documents/dialog.py" line="297"/>
        <source>The order has changed since this sales receipt was issued.</source>
        <translation>Заказ изменился после выдачи этого товарного чека.</translation>
    </message>
    <message>
        <location filename="../../ui/documents/dialog.py" line="315"/>
        <source>The file %1 could not be written: %2</source>
        <translation>Не удалось записать файл %1: %2</translation>
    </message>
</context>
<context>
    <name>DocumentNames</name>
    <message>
        <location filename="../../ui/documents/names.py" line="14"/>
        <source>Invoice</source>
        <translation>Счёт на оплату</translation>
    </message>
    <message>
        <location filename="../../ui/documents/names.py" line="15"/>
        <source>Delivery note</source>
        <translation>Товарная накладная</translation>
    </message>
    <message>
        <location filename="../../ui/documents/names.py" line="16"/>
        <source>Sales receipt</source>
        <translation>Товарный чек</translation>
    </message>
    <message>
        <location filename="../../ui/documents/names.py" line="24"/>
        <source>Invoice No. %1 of %2</source>
        <translation>Счёт на оплату № %1 от %2</translation>
    </message>
    <message>
        <location filename="../../ui/documents/names.py" line="25"/>
        <source>Delivery note No. %1 of %2</source>
        <translation>Товарная накладная № %1 от %2</translation>
    </message>
    <message>
        <location filename="../../ui/documents/names.py" line="26"/>
        <source>Sales receipt No. %1 of %2</source>
        <translation>Товарный чек № %1 от %2</translation>
    </message>
    <message>
        <location filename="../../ui/documents/names.py" line="34"/>
        <source>The order changed after invoice No. %1 was issued.</source>
        <translation>Заказ изменился после выставления счёта № %1.</translation>
    </message>
    <message>
        <location filename="../../ui/documents/names.py" line="37"/>
        <source>The order changed after delivery note No. %1 was issued.</source>
        <translation>Заказ изменился после выписки накладной № %1.</translation>
    </message>
    <message>
        <location filename="../../ui/documents/names.py" line="40"/>
        <source>The order changed after sales receipt No. %1 was issued.</source>
        <translation>Заказ изменился после выдачи товарного чека № %1.</translation>
    </message>
    <message>
        <location filename="../../ui/documents/names.py" line="55"/>
        <source>Replaced by a newer version</source>
        <translation>Выпущена новая версия</translation>
    </message>
    <message>
        <location filename="../../ui/documents/names.py" line="57"/>
        <source>Order changed since</source>
        <translation>Заказ изменился</translation>
    </message>
    <message>
        <location filename="../../ui/documents/names.py" line="58"/>
        <source>Current</source>
        <translation>Соответствует заказу</translation>
    </message>
</context>
<context>
    <name>Documents</name>
    <message>
        <location filename="../../services/documents/pdf.py" line="90"/>
        <source>No.</source>
        <translation>№</translation>
    </message>
    <message>
        <location filename="../../services/documents/pdf.py" line="91"/>
        <source>Goods</source>
        <translation>Наименование товара</translation>
    </message>
    <message>
        <location filename="../../services/documents/pdf.py" line="92"/>
        <source>SKU</source>
        <translation>Артикул</translation>
    </message>
    <message>
        <location filename="../../services/documents/pdf.py" line="93"/>
        <source>Unit</source>
        <translation>Ед.</translation>
    </message>
    <message>
        <location filename="../../services/documents/pdf.py" line="94"/>
        <source>Qty</source>
        <translation>Кол-во</translation>
    </message>
    <message>
        <location filename="../../services/documents/pdf.py" line="95"/>
        <source>Price</source>
        <translation>Цена</translation>
    </message>
    <message>
        <location filename="../../services/documents/pdf.py" line="96"/>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <location filename="../../services/documents/pdf.py" line="97"/>
        <source>pcs</source>
        <translation>шт.</translation>
    </message>
    <message>
        <location filename="../../services/documents/pdf.py" line="98"/>
        <source>Supplier:</source>
        <translation>Поставщик:</translation>
    </message>
    <message>
        <location filename="../../services/documents/pdf.py" line="99"/>
        <source>Buyer:</source>
        <translation>Покупатель:</translation>
    </message>
    <message>
        <location filename="../../services/documents/pdf.py" line="100"/>
        <source>Basis: order No. %1 of %2</source>
        <translation>Основание: заказ № %1 от %2</translation>
    </message>
    <message>
        <location filename="../../services/documents/pdf.py" line="101"/>
        <source>INN %1</source>
        <translation>ИНН %1</translation>
    </message>
    <message>
        <location filename="../../services/documents/pdf.py" line="102"/>
        <source>KPP %1</source>
        <translation>КПП %1</translation>
    </message>
    <message>
        <location filename="../../services/documents/pdf.py" line="103"/>
        <source>OGRN %1</source>
        <translation>ОГРН %1</translation>
    </message>
    <message>
        <location filename="../../services/documents/pdf.py" line="104"/>
        <source>OGRNIP %1</source>
        <translation>ОГРНИП %1</translation>
    </message>
    <message>
        <location filename="../../services/documents/pdf.py" line="105"/>
        <source>phone %1</source>
        <translation>тел. %1</translation>
    </message>
    <message>
        <location filename="../../services/documents/pdf.py" line="106"/>
        <source>Contact person: %1</source>
        <translation>Контактное лицо: %1</translation>
    </message>
    <message>
        <location filename="../../services/documents/pdf.py" line="107"/>
        <source>Total:</source>
        <translation>Итого:</translation>
    </message>
    <message>
        <location filename="../../services/documents/pdf.py" line="108"/>
        <source>Without VAT</source>
        <translation>Без НДС</translation>
    </message>
    <message>
        <location filename="../../services/documents/pdf.py" line="109"/>
        <source>Including VAT %1%:</source>
        <translation>В том числе НДС %1%:</translation>
    </message>
    <message>
        <location filename="../../services/documents/pdf.py" line="110"/>
        <source>Including VAT:</source>
        <translation>В том числе НДС:</translation>
    </message>
    <message>
        <location filename="../../services/documents/pdf.py" line="111"/>
        <source>Items: %1, for the amount of %2</source>
        <translation>Всего наименований %1, на сумму %2</translation>
    </message>
    <message>
        <location filename="../../services/documents/pdf.py" line="112"/>
        <source>signature</source>
        <translation>подпись</translation>
    </message>
    <message>
        <location filename="../../services/documents/pdf.py" line="113"/>
        <source>full name</source>
        <translation>расшифровка подписи</translation>
    </message>
    <message>
        <location filename="../../services/documents/pdf.py" line="114"/>
        <source>Stamp</source>
        <translation>М. П.</translation>
    </message>
    <message>
        <location filename="../../services/documents/pdf.py" line="115"/>
        <source>Page %1 of %2</source>
        <translation>Страница %1 из %2</translation>
    </message>
    <message>
        <location filename="../../services/documents/invoice.py" line="16"/>
        <source>Invoice No. %1 of %2</source>
        <translation>Счёт на оплату № %1 от %2</translation>
    </message>
    <message>
        <location filename="../../services/documents/invoice.py" line="17"/>
        <source>Goods, work, services</source>
        <translation>Товары (работы, услуги)</translation>
    </message>
    <message>
        <location filename="../../services/documents/invoice.py" line="18"/>
        <source>Total to pay:</source>
        <translation>Всего к оплате:</translation>
    </message>
    <message>
        <location filename="../../services/documents/invoice.py" line="19"/>
        <source>Supplier</source>
        <translation>Поставщик</translation>
    </message>
    <message>
        <location filename="../../services/documents/invoice.py" line="20"/>
        <source>Recipient&apos;s bank</source>
        <translation>Банк получателя</translation>
    </message>
    <message>
        <location filename="../../services/documents/invoice.py" line="21"/>
        <source>BIK</source>
        <translation>БИК</translation>
    </message>
    <message>
        <location filename="../../services/documents/invoice.py" line="22"/>
        <source>Corr. account</source>
        <translation>Сч. №</translation>
    </message>
    <message>
        <location filename="../../services/documents/invoice.py" line="23"/>
        <source>Account</source>
        <translation>Сч. №</translation>
    </message>
    <message>
        <location filename="../../services/documents/invoice.py" line="24"/>
        <source>Recipient</source>
        <translation>Получатель</translation>
    </message>
    <message>
        <location filename="../../services/documents/delivery_note.py" line="17"/>
        <source>Delivery note No. %1 of %2</source>
        <translation>Товарная накладная № %1 от %2</translation>
    </message>
    <message>
        <location filename="../../services/documents/delivery_note.py" line="18"/>
        <source>Total units released: %1, items: %2, for the amount of %3</source>
        <translation>Всего отпущено единиц: %1, наименований: %2, на сумму %3</translation>
    </message>
    <message>
        <location filename="../../services/documents/delivery_note.py" line="21"/>
        <source>Released (supplier)</source>
        <translation>Отпустил (поставщик)</translation>
    </message>
    <message>
        <location filename="../../services/documents/delivery_note.py" line="22"/>
        <source>Received (buyer)</source>
        <translation>Получил (покупатель)</translation>
    </message>
    <message>
        <location filename="../../services/documents/receipt.py" line="15"/>
        <source>Sales receipt No. %1 of %2</source>
        <translation>Товарный чек № %1 от %2</translation>
    </message>
    <message>
        <location filename="../../services/documents/receipt.py" line="16"/>
        <source>Seller:</source>
        <translation>Продавец:</translation>
    </message>
    <message>
        <location filename="../../services/documents/receipt.py" line="17"/>
        <source>Seller</source>
        <translation>Продавец</translation>
    </message>
    <message>
        <location filename="../../services/documents/xlsx.py" line="38"/>
        <source>Delivery note</source>
        <translation>Товарная накладная</translation>
    </message>
</context>
<context>
    <name>DocumentsList</name>
    <message>
        <location filename="../../ui/documents/order_list.py" line="116"/>
        <source>No documents yet: make one from the Documents menu below.</source>
        <translation>Документов пока нет: создайте их в меню «Документы» внизу.</translation>
    </message>
    <message>
        <location filename="../../ui/documents/order_list.py" line="118"/>
        <source>Open…</source>
        <translation>Открыть…</translation>
    </message>
</context>
<context>
    <name>DocumentsMenu</name>
    <message>
        <location filename="../../ui/documents/menu.py" line="174"/>
        <source>Documents</source>
        <translation>Документы</translation>
    </message>
    <message>
        <location filename="../../ui/documents/menu.py" line="180"/>
        <source>Make the invoice for payment</source>
        <translation>Выставить счёт на оплату</translation>
    </message>
</context>
<context>
    <name>DocumentsModel</name>
    <message>
        <location filename="../../ui/documents/order_list.py" line="33"/>
        <source>Document</source>
        <translation>Документ</translation>
    </message>
    <message>
        <location filename="../../ui/documents/order_list.py" line="34"/>
        <source>No.</source>
        <translation>№</translation>
    </message>
    <message>
        <location filename="../../ui/documents/order_list.py" line="35"/>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <location filename="../../ui/documents/order_list.py" line="36"/>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <location filename="../../ui/documents/order_list.py" line="37"/>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <location filename="../../ui/merge/duplicates.py" line="40"/>
        <source>Possible duplicates</source>
        <translation>Возможные дубли</translation>
    </message>
    <message>
        <location filename="../../ui/merge/duplicates.py" line="43"/>
        <source>Cards that may be one customer twice: the same name and city, the same e-mail, or phones a slip of the finger apart. Merge them, or say they are not duplicates.</source>
        <translation>Карточки, которые могут быть одним клиентом дважды: то же имя и город, тот же e-mail или телефоны, различающиеся опиской. Объедините их или отметьте, что это не дубли.</translation>
    </message>
    <message>
        <location filename="../../ui/merge/duplicates.py" line="54"/>
        <source>No possible duplicates: every card looks like itself.</source>
        <translation>Возможных дублей нет: все карточки разные.</translation>
    </message>
    <message>
        <location filename="../../ui/merge/duplicates.py" line="59"/>
        <source>Merge…</source>
        <translation>Объединить…</translation>
    </message>
    <message>
        <location filename="../../ui/merge/duplicates.py" line="62"/>
        <source>Not duplicates</source>
        <translation>Не дубли</translation>
    </message>
</context>
<context>
    <name>DuplicatesModel</name>
    <message>
        <location filename="../../ui/merge/models.py" line="22"/>
        <source>Same name and city (%1)</source>
        <translation>То же имя и город (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/merge/models.py" line="23"/>
        <source>Same e-mail (%1)</source>
        <translation>Тот же e-mail (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/merge/models.py" line="24"/>
        <source>Phones one digit apart (%1 and %2)</source>
        <translation>Телефоны отличаются одной цифрой (%1 и %2)</translation>
    </message>
    <message>
        <location filename="../../ui/merge/models.py" line="25"/>
        <source>Phones with two digits swapped (%1 and %2)</source>
        <translation>В телефонах переставлены две цифры (%1 и %2)</translation>
    </message>
    <message>
        <location filename="../../ui/merge/models.py" line="29"/>
        <source>Phones one digit apart</source>
        <translation>Телефоны отличаются одной цифрой</translation>
    </message>
    <message>
        <location filename="../../ui/merge/models.py" line="30"/>
        <source>Phones with two digits swapped</source>
        <translation>В телефонах переставлены две цифры</translation>
    </message>
    <message>
        <location filename="../../ui/merge/models.py" line="55"/>
        <source>Card</source>
        <translation>Карточка</translation>
    </message>
    <message>
        <location filename="../../ui/merge/models.py" line="55"/>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <location filename="../../ui/merge/models.py" line="55"/>
        <source>Looks like</source>
        <translation>Похожа на</translation>
    </message>
    <message>
        <location filename="../../ui/merge/models.py" line="56"/>
        <source>Why</source>
        <translation>Почему</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/merge/models.py" line="86"/>
        <source>%n order(s)</source>
        <translation>
            <numerusform>%n заказ</numerusform>
            <numerusform>%n заказа</numerusform>
            <numerusform>%n заказов</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EntryRows</name>
    <message>
        <location filename="../../ui/contacts/entries.py" line="24"/>
        <source>mobile</source>
        <translation>мобильный</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/entries.py" line="25"/>
        <source>work</source>
        <translation>рабочий</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/entries.py" line="26"/>
        <source>home</source>
        <translation>домашний</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/entries.py" line="27"/>
        <source>other</source>
        <translation>другой</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/entries.py" line="41"/>
        <source>What it is for</source>
        <translation>Для чего он</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/entries.py" line="45"/>
        <source>Remove this one</source>
        <translation>Убрать</translation>
    </message>
</context>
<context>
    <name>ExpenseDialog</name>
    <message>
        <location filename="../../ui/purchases/expense_dialog.py" line="48"/>
        <source>New expense</source>
        <translation>Новый расход</translation>
    </message>
    <message>
        <location filename="../../ui/purchases/expense_dialog.py" line="48"/>
        <source>Expense</source>
        <translation>Расход</translation>
    </message>
    <message>
        <location filename="../../ui/purchases/expense_dialog.py" line="63"/>
        <source>Where the ad ran: its spend is set against the channel</source>
        <translation>Где шла реклама: расход относится на этот канал</translation>
    </message>
    <message>
        <location filename="../../ui/purchases/expense_dialog.py" line="65"/>
        <source>What it was for…</source>
        <translation>На что потрачено…</translation>
    </message>
    <message>
        <location filename="../../ui/purchases/expense_dialog.py" line="69"/>
        <source>Date:</source>
        <translation>Дата:</translation>
    </message>
    <message>
        <location filename="../../ui/purchases/expense_dialog.py" line="70"/>
        <source>Amount:</source>
        <translation>Сумма:</translation>
    </message>
    <message>
        <location filename="../../ui/purchases/expense_dialog.py" line="71"/>
        <source>Category:</source>
        <translation>Статья:</translation>
    </message>
    <message>
        <location filename="../../ui/purchases/expense_dialog.py" line="72"/>
        <source>Channel:</source>
        <translation>Канал:</translation>
    </message>
    <message>
        <location filename="../../ui/purchases/expense_dialog.py" line="73"/>
        <source>Comment:</source>
        <translation>Комментарий:</translation>
    </message>
</context>
<context>
    <name>ExpensesModel</name>
    <message>
        <location filename="../../ui/purchases/models.py" line="167"/>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <location filename="../../ui/purchases/models.py" line="167"/>
        <source>Category</source>
        <translation>Статья</translation>
    </message>
    <message>
        <location filename="../../ui/purchases/models.py" line="167"/>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <location filename="../../ui/purchases/models.py" line="167"/>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <location filename="../../ui/purchases/models.py" line="168"/>
        <source>Comment</source>
        <translation>Комментарий</translation>
    </message>
    <message>
        <location filename="../../ui/purchases/models.py" line="190"/>
        <source>Expenses</source>
        <translation>Расходы</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <location filename="../../ui/exchange/export.py" line="40"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Книга Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/export.py" line="41"/>
        <source>CSV for Excel in Russian: separator ; decimal comma (*.csv)</source>
        <translation>CSV для русского Excel: разделитель ; десятичная запятая (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/export.py" line="44"/>
        <source>CSV standard: separator , decimal point (*.csv)</source>
        <translation>CSV стандартный: разделитель , десятичная точка (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/export.py" line="118"/>
        <source>Export finished</source>
        <translation>Выгрузка завершена</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/export.py" line="120"/>
        <source>Written:
%1</source>
        <translation>Записано:
%1</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/export.py" line="122"/>
        <source>Open file</source>
        <translation>Открыть файл</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/export.py" line="125"/>
        <source>Open folder</source>
        <translation>Открыть папку</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/export.py" line="141"/>
        <source>Export %1</source>
        <translation>Выгрузить: %1</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/export.py" line="151"/>
        <source>Exporting to %1…</source>
        <translation>Выгрузка в %1…</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/export.py" line="161"/>
        <source>Export all data</source>
        <translation>Выгрузить все данные</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/export.py" line="173"/>
        <source>Exporting all data to %1…</source>
        <translation>Выгрузка всех данных в %1…</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <location filename="../../services/messages.py" line="1049"/>
        <location filename="../../ui/history/details.py" line="25"/>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="1050"/>
        <source>Product name</source>
        <translation>Название товара</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="1051"/>
        <location filename="../../ui/history/details.py" line="60"/>
        <source>Default price</source>
        <translation>Цена по умолчанию</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="1052"/>
        <location filename="../../ui/history/details.py" line="61"/>
        <source>Default cost</source>
        <translation>Себестоимость по умолчанию</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="1053"/>
        <location filename="../../ui/history/details.py" line="54"/>
        <source>Unit price</source>
        <translation>Цена за штуку</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="1054"/>
        <location filename="../../ui/history/details.py" line="55"/>
        <source>Unit cost</source>
        <translation>Себестоимость за штуку</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="1055"/>
        <location filename="../../ui/history/details.py" line="53"/>
        <source>Quantity</source>
        <translation>Количество</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="1056"/>
        <source>Price</source>
        <translation>Цена</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="1057"/>
        <source>Cost</source>
        <translation>Себестоимость</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="1058"/>
        <location filename="../../ui/history/details.py" line="56"/>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="1025"/>
        <location filename="../../services/messages.py" line="1059"/>
        <location filename="../../ui/history/details.py" line="52"/>
        <source>Product</source>
        <translation>Товар</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="1031"/>
        <location filename="../../services/messages.py" line="1060"/>
        <location filename="../../ui/history/details.py" line="26"/>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="1032"/>
        <location filename="../../services/messages.py" line="1061"/>
        <location filename="../../ui/history/details.py" line="27"/>
        <source>E-mail</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="1062"/>
        <location filename="../../ui/history/details.py" line="28"/>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="1063"/>
        <location filename="../../ui/history/details.py" line="29"/>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="1064"/>
        <location filename="../../ui/history/details.py" line="59"/>
        <source>SKU</source>
        <translation>Артикул</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="1065"/>
        <location filename="../../ui/history/details.py" line="46"/>
        <source>Comment</source>
        <translation>Комментарий</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="1066"/>
        <location filename="../../ui/history/details.py" line="48"/>
        <source>Loss note</source>
        <translation>Пояснение к отказу</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="1067"/>
        <location filename="../../ui/history/details.py" line="70"/>
        <source>Title</source>
        <translation>Заголовок</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="1035"/>
        <location filename="../../services/messages.py" line="1068"/>
        <location filename="../../ui/history/details.py" line="58"/>
        <source>Note</source>
        <translation>Заметка</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="1021"/>
        <location filename="../../ui/history/details.py" line="44"/>
        <source>Contact</source>
        <translation>Контакт</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="1022"/>
        <location filename="../../ui/history/details.py" line="51"/>
        <source>Order</source>
        <translation>Заказ</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="1023"/>
        <source>Order line</source>
        <translation>Строка заказа</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="1024"/>
        <source>Payment</source>
        <translation>Оплата</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="1026"/>
        <source>Order status</source>
        <translation>Статус заказа</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="1027"/>
        <location filename="../../ui/history/details.py" line="30"/>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="1028"/>
        <location filename="../../ui/history/details.py" line="47"/>
        <source>Loss reason</source>
        <translation>Причина отказа</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="1030"/>
        <source>Contact&apos;s tag</source>
        <translation>Метка контакта</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="1033"/>
        <source>Reminder</source>
        <translation>Напоминание</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="1034"/>
        <source>Task</source>
        <translation>Задача</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="1036"/>
        <source>Follow-up</source>
        <translation>Звонок после заказа</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="1037"/>
        <source>Import source</source>
        <translation>Источник импорта</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="1038"/>
        <source>Order stage</source>
        <translation>Этап заказа</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="1040"/>
        <location filename="../../ui/history/details.py" line="86"/>
        <source>Purchase</source>
        <translation>Закупка</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="1041"/>
        <source>Purchase line</source>
        <translation>Строка закупки</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="1042"/>
        <source>Stock adjustment</source>
        <translation>Корректировка остатка</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="1043"/>
        <source>Expense</source>
        <translation>Расход</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="1069"/>
        <location filename="../../ui/history/details.py" line="75"/>
        <source>Text</source>
        <translation>Текст</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="1070"/>
        <source>Answer</source>
        <translation>Ответ</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="1071"/>
        <location filename="../../ui/history/details.py" line="41"/>
        <location filename="../../ui/history/details.py" line="42"/>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="1072"/>
        <source>Customer or phone</source>
        <translation>Клиент или телефон</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="1073"/>
        <source>Default probability</source>
        <translation>Вероятность по умолчанию</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="1074"/>
        <source>Floor</source>
        <translation>Нижняя граница</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="1075"/>
        <source>From day</source>
        <translation>С дня</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="1076"/>
        <location filename="../../ui/history/details.py" line="65"/>
        <source>Modifier, %</source>
        <translation>Поправка, %</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="1077"/>
        <source>Class threshold</source>
        <translation>Порог класса</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="1078"/>
        <location filename="../../ui/history/details.py" line="50"/>
        <source>Expected amount</source>
        <translation>Ожидаемая сумма</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="1079"/>
        <source>Company name</source>
        <translation>Название компании</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="1080"/>
        <location filename="../../ui/history/details.py" line="35"/>
        <source>Legal name</source>
        <translation>Юридическое название</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="1081"/>
        <location filename="../../ui/history/details.py" line="36"/>
        <source>INN</source>
        <translation>ИНН</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="1082"/>
        <location filename="../../ui/history/details.py" line="34"/>
        <source>Job title</source>
        <translation>Должность</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="1083"/>
        <location filename="../../ui/history/details.py" line="33"/>
        <source>Company</source>
        <translation>Компания</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="1084"/>
        <location filename="../../ui/history/details.py" line="45"/>
        <source>Ordered by</source>
        <translation>Кто заказал</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="1029"/>
        <location filename="../../services/messages.py" line="1085"/>
        <location filename="../../ui/history/details.py" line="67"/>
        <source>Tag</source>
        <translation>Метка</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="1086"/>
        <location filename="../../ui/history/details.py" line="66"/>
        <source>Colour</source>
        <translation>Цвет</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="1087"/>
        <source>Seller</source>
        <translation>Продавец</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="1088"/>
        <source>Logo</source>
        <translation>Логотип</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="1089"/>
        <source>Stamp and signature</source>
        <translation>Печать и подпись</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="1090"/>
        <location filename="../../ui/history/details.py" line="85"/>
        <source>Delivery cost</source>
        <translation>Доставка</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="1091"/>
        <location filename="../../ui/history/details.py" line="82"/>
        <location filename="../../ui/history/details.py" line="83"/>
        <source>Supplier</source>
        <translation>Поставщик</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="1039"/>
        <location filename="../../services/messages.py" line="1092"/>
        <location filename="../../ui/history/details.py" line="84"/>
        <source>Document</source>
        <translation>Документ</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="1093"/>
        <location filename="../../ui/history/details.py" line="88"/>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="1094"/>
        <location filename="../../ui/history/details.py" line="63"/>
        <source>Minimum stock</source>
        <translation>Минимальный остаток</translation>
    </message>
    <message>
        <location filename="../../ui/history/details.py" line="31"/>
        <source>Archived</source>
        <translation>В архиве</translation>
    </message>
    <message>
        <location filename="../../ui/history/details.py" line="32"/>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <location filename="../../ui/history/details.py" line="37"/>
        <location filename="../../ui/history/details.py" line="38"/>
        <location filename="../../ui/history/details.py" line="39"/>
        <source>Label</source>
        <translation>Пометка</translation>
    </message>
    <message>
        <location filename="../../ui/history/details.py" line="40"/>
        <source>Payment terms, days</source>
        <translation>Отсрочка, дней</translation>
    </message>
    <message>
        <location filename="../../ui/history/details.py" line="43"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../ui/history/details.py" line="49"/>
        <source>Payment due</source>
        <translation>Срок оплаты</translation>
    </message>
    <message>
        <location filename="../../ui/history/details.py" line="57"/>
        <source>Method</source>
        <translation>Способ</translation>
    </message>
    <message>
        <location filename="../../ui/history/details.py" line="62"/>
        <source>Active</source>
        <translation>Активен</translation>
    </message>
    <message>
        <location filename="../../ui/history/details.py" line="64"/>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <location filename="../../ui/history/details.py" line="68"/>
        <source>Put off until</source>
        <translation>Отложено до</translation>
    </message>
    <message>
        <location filename="../../ui/history/details.py" line="69"/>
        <source>Not interested through</source>
        <translation>Не интересно до</translation>
    </message>
    <message>
        <location filename="../../ui/history/details.py" line="71"/>
        <source>Due date</source>
        <translation>Срок</translation>
    </message>
    <message>
        <location filename="../../ui/history/details.py" line="72"/>
        <source>Due time</source>
        <translation>Время</translation>
    </message>
    <message>
        <location filename="../../ui/history/details.py" line="73"/>
        <source>Done</source>
        <translation>Выполнено</translation>
    </message>
    <message>
        <location filename="../../ui/history/details.py" line="74"/>
        <source>Done at</source>
        <translation>Когда выполнено</translation>
    </message>
    <message>
        <location filename="../../ui/history/details.py" line="76"/>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <location filename="../../ui/history/details.py" line="77"/>
        <source>Resolved on</source>
        <translation>Закрыто</translation>
    </message>
    <message>
        <location filename="../../ui/history/details.py" line="78"/>
        <source>Imported at</source>
        <translation>Когда импортировано</translation>
    </message>
    <message>
        <location filename="../../ui/history/details.py" line="79"/>
        <source>Entered on</source>
        <translation>Дата перехода</translation>
    </message>
    <message>
        <location filename="../../ui/history/details.py" line="80"/>
        <source>Year</source>
        <translation>Год</translation>
    </message>
    <message>
        <location filename="../../ui/history/details.py" line="81"/>
        <source>Number</source>
        <translation>Номер</translation>
    </message>
    <message>
        <location filename="../../ui/history/details.py" line="87"/>
        <source>Delivery share</source>
        <translation>Доля доставки</translation>
    </message>
    <message>
        <location filename="../../ui/history/details.py" line="89"/>
        <source>Category</source>
        <translation>Категория</translation>
    </message>
</context>
<context>
    <name>FollowUpAnswer</name>
    <message>
        <location filename="../../ui/today/dialogs.py" line="57"/>
        <source>Follow-up done</source>
        <translation>Звонок сделан</translation>
    </message>
    <message>
        <location filename="../../ui/today/dialogs.py" line="59"/>
        <source>All good, will order again in March…</source>
        <translation>Всё хорошо, закажет ещё в марте…</translation>
    </message>
    <message>
        <location filename="../../ui/today/dialogs.py" line="62"/>
        <source>What did %1 say about order No. %2? (kept in the contact&apos;s notes)</source>
        <translation>Что сказал(а) %1 о заказе № %2? (останется в истории клиента)</translation>
    </message>
</context>
<context>
    <name>FollowUpsModel</name>
    <message>
        <location filename="../../ui/today/models.py" line="127"/>
        <source>Order</source>
        <translation>Заказ</translation>
    </message>
    <message>
        <location filename="../../ui/today/models.py" line="127"/>
        <source>Customer</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <location filename="../../ui/today/models.py" line="127"/>
        <source>Delivered</source>
        <translation>Доставлен</translation>
    </message>
    <message>
        <location filename="../../ui/today/models.py" line="127"/>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <location filename="../../ui/today/models.py" line="128"/>
        <source>Days late</source>
        <translation>Просрочено, дн.</translation>
    </message>
</context>
<context>
    <name>GlobalSearch</name>
    <message>
        <location filename="../../ui/search/popup.py" line="65"/>
        <source>Search everything</source>
        <translation>Поиск по всему</translation>
    </message>
    <message>
        <location filename="../../ui/search/popup.py" line="70"/>
        <source>Name, phone, e-mail, address, order number or product…</source>
        <translation>Имя, телефон, e-mail, адрес, номер заказа или товар…</translation>
    </message>
    <message>
        <location filename="../../ui/search/popup.py" line="90"/>
        <source>↑↓ choose · Enter open · Esc close</source>
        <translation>↑↓ выбрать · Enter открыть · Esc закрыть</translation>
    </message>
    <message>
        <location filename="../../ui/search/popup.py" line="224"/>
        <source>Type a name, any form of a phone, an e-mail, a word of an address or a note, an order&apos;s number or a word of its comment, or a product&apos;s name or SKU.</source>
        <translation>Введите имя, телефон в любом виде, e-mail, слово из адреса или заметки, номер заказа или слово из его комментария, название или артикул товара.</translation>
    </message>
    <message>
        <location filename="../../ui/search/popup.py" line="230"/>
        <source>Nothing found for “%1”</source>
        <translation>По запросу «%1» ничего не найдено</translation>
    </message>
</context>
<context>
    <name>GroupsTableModel</name>
    <message>
        <location filename="../../ui/orders/models.py" line="240"/>
        <source>Group</source>
        <translation>Группа</translation>
    </message>
    <message>
        <location filename="../../ui/orders/models.py" line="241"/>
        <source>Orders</source>
        <translation>Заказы</translation>
    </message>
    <message>
        <location filename="../../ui/orders/models.py" line="242"/>
        <source>Cancelled</source>
        <translation>Отменено</translation>
    </message>
    <message>
        <location filename="../../ui/orders/models.py" line="243"/>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <location filename="../../ui/orders/models.py" line="244"/>
        <source>Profit</source>
        <translation>Прибыль</translation>
    </message>
    <message>
        <location filename="../../ui/orders/models.py" line="245"/>
        <source>Margin</source>
        <translation>Маржа</translation>
    </message>
    <message>
        <location filename="../../ui/orders/models.py" line="246"/>
        <source>Average check</source>
        <translation>Средний чек</translation>
    </message>
    <message>
        <location filename="../../ui/orders/models.py" line="279"/>
        <location filename="../../ui/orders/models.py" line="295"/>
        <source>Groups</source>
        <translation>Группы</translation>
    </message>
</context>
<context>
    <name>HistoryDetails</name>
    <message>
        <location filename="../../ui/history/details.py" line="106"/>
        <source>%1 No. %2</source>
        <translation>%1 № %2</translation>
    </message>
    <message>
        <location filename="../../ui/history/details.py" line="107"/>
        <source>%1 #%2</source>
        <translation>%1 № %2</translation>
    </message>
    <message>
        <location filename="../../ui/history/details.py" line="108"/>
        <source>%1 created</source>
        <translation>%1: создано</translation>
    </message>
    <message>
        <location filename="../../ui/history/details.py" line="109"/>
        <source>%1 deleted</source>
        <translation>%1: удалено</translation>
    </message>
    <message>
        <location filename="../../ui/history/details.py" line="110"/>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <location filename="../../ui/history/details.py" line="111"/>
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message>
        <location filename="../../ui/history/details.py" line="233"/>
        <source>Choose a change to see what it did.</source>
        <translation>Выберите изменение, чтобы увидеть, что оно сделало.</translation>
    </message>
    <message>
        <location filename="../../ui/history/details.py" line="241"/>
        <source>The details of this change were compacted: its name and counts stay.</source>
        <translation>Подробности этого изменения сжаты: остались его название и число записей.</translation>
    </message>
    <message>
        <location filename="../../ui/history/details.py" line="245"/>
        <source>Only what Lavka keeps by itself changed.</source>
        <translation>Изменилось только то, что Лавка считает сама.</translation>
    </message>
</context>
<context>
    <name>HistoryList</name>
    <message>
        <location filename="../../ui/history/grid.py" line="69"/>
        <source>Undo this change</source>
        <translation>Отменить это изменение</translation>
    </message>
    <message>
        <location filename="../../ui/history/grid.py" line="72"/>
        <source>Put back what the chosen change changed (refused when later changes rest on it)</source>
        <translation>Вернуть всё, как было до выбранного изменения (не выйдет, если на него опираются более поздние)</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <location filename="../../ui/history/models.py" line="62"/>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <location filename="../../ui/history/models.py" line="62"/>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <location filename="../../ui/history/models.py" line="62"/>
        <source>Records</source>
        <translation>Записей</translation>
    </message>
    <message>
        <location filename="../../ui/history/models.py" line="62"/>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <location filename="../../ui/history/models.py" line="99"/>
        <source>Undone</source>
        <translation>Отменено</translation>
    </message>
    <message>
        <location filename="../../ui/history/models.py" line="101"/>
        <source>Compacted</source>
        <translation>Сжато</translation>
    </message>
    <message>
        <location filename="../../ui/history/models.py" line="118"/>
        <source>History</source>
        <translation>История</translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message>
        <location filename="../../ui/settings_dialog/history.py" line="25"/>
        <location filename="../../ui/settings_dialog/history.py" line="28"/>
        <source>for ever</source>
        <translation>всегда</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/history.py" line="35"/>
        <source>Lavka records every change: what was changed, when, and the old and new values, so that any change can be undone. After the months kept, a change keeps its name and counts but no longer its details, and can no longer be undone. 0 keeps the details for ever. Details take room: a year of them is about as large as the year&apos;s orders themselves; packed, a change takes a tenth of that.</source>
        <translation>Лавка записывает каждое изменение: что изменено, когда, прежние и новые значения, — чтобы любое изменение можно было отменить. По истечении заданных месяцев у изменения остаются название и число записей, но не подробности, и отменить его уже нельзя. 0 — хранить подробности всегда. Подробности занимают место: за год их примерно столько же, сколько самих заказов за год; в сжатом виде изменение занимает в десять раз меньше.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/history.py" line="46"/>
        <source>Deleted orders and contacts stay in the Trash (History section) for %1 days, then are gone for good.</source>
        <translation>Удалённые заказы и клиенты хранятся в корзине (раздел «История») %1 дней, затем удаляются насовсем.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/history.py" line="53"/>
        <source>Keep the details of changes, months:</source>
        <translation>Хранить подробности изменений, месяцев:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/history.py" line="59"/>
        <source>History</source>
        <translation>История</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <location filename="../../ui/history/view.py" line="40"/>
        <source>All time</source>
        <translation>За всё время</translation>
    </message>
    <message>
        <location filename="../../ui/history/view.py" line="41"/>
        <source>This month</source>
        <translation>Этот месяц</translation>
    </message>
    <message>
        <location filename="../../ui/history/view.py" line="42"/>
        <source>Last 30 days</source>
        <translation>Последние 30 дней</translation>
    </message>
    <message>
        <location filename="../../ui/history/view.py" line="43"/>
        <source>This year</source>
        <translation>Этот год</translation>
    </message>
    <message>
        <location filename="../../ui/history/view.py" line="44"/>
        <source>Custom…</source>
        <translation>Выбрать даты…</translation>
    </message>
    <message>
        <location filename="../../ui/history/view.py" line="48"/>
        <source>All kinds</source>
        <translation>Все виды</translation>
    </message>
    <message>
        <location filename="../../ui/history/view.py" line="49"/>
        <source>Orders</source>
        <translation>Заказы</translation>
    </message>
    <message>
        <location filename="../../ui/history/view.py" line="50"/>
        <source>Contacts</source>
        <translation>Клиенты</translation>
    </message>
    <message>
        <location filename="../../ui/history/view.py" line="51"/>
        <source>Payments</source>
        <translation>Оплаты</translation>
    </message>
    <message>
        <location filename="../../ui/history/view.py" line="55"/>
        <source>Products and stock</source>
        <translation>Товары и остатки</translation>
    </message>
    <message>
        <location filename="../../ui/history/view.py" line="60"/>
        <source>Purchases and expenses</source>
        <translation>Закупки и расходы</translation>
    </message>
    <message>
        <location filename="../../ui/history/view.py" line="62"/>
        <source>Tasks</source>
        <translation>Задачи</translation>
    </message>
    <message>
        <location filename="../../ui/history/view.py" line="66"/>
        <source>Imports and merges</source>
        <translation>Импорт и объединения</translation>
    </message>
    <message>
        <location filename="../../ui/history/view.py" line="68"/>
        <source>Settings lists</source>
        <translation>Списки настроек</translation>
    </message>
    <message>
        <location filename="../../ui/history/view.py" line="69"/>
        <source>Undo and redo</source>
        <translation>Отмена и повтор</translation>
    </message>
    <message>
        <location filename="../../ui/history/view.py" line="114"/>
        <source>A word of the change&apos;s name…</source>
        <translation>Слово из названия изменения…</translation>
    </message>
    <message>
        <location filename="../../ui/history/view.py" line="116"/>
        <source>Period:</source>
        <translation>Период:</translation>
    </message>
    <message>
        <location filename="../../ui/history/view.py" line="120"/>
        <source>Kind:</source>
        <translation>Вид:</translation>
    </message>
    <message>
        <location filename="../../ui/history/view.py" line="131"/>
        <location filename="../../ui/history/view.py" line="160"/>
        <source>Restore</source>
        <translation>Восстановить</translation>
    </message>
    <message>
        <location filename="../../ui/history/view.py" line="133"/>
        <source>Put the chosen order or contact back with everything it had</source>
        <translation>Вернуть выбранный заказ или клиента со всем, что у него было</translation>
    </message>
    <message>
        <location filename="../../ui/history/view.py" line="136"/>
        <source>Deleted orders and contacts stay here for %1 days.</source>
        <translation>Удалённые заказы и клиенты хранятся здесь %1 дней.</translation>
    </message>
    <message>
        <location filename="../../ui/history/view.py" line="150"/>
        <source>Changes</source>
        <translation>Изменения</translation>
    </message>
    <message>
        <location filename="../../ui/history/view.py" line="151"/>
        <source>Trash</source>
        <translation>Корзина</translation>
    </message>
    <message>
        <location filename="../../ui/history/view.py" line="158"/>
        <source>Undo this change</source>
        <translation>Отменить это изменение</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/history/view.py" line="294"/>
        <source>%n deleted record(s) in the Trash</source>
        <translation>
            <numerusform>%n удалённая запись в корзине</numerusform>
            <numerusform>%n удалённые записи в корзине</numerusform>
            <numerusform>%n удалённых записей в корзине</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/history/view.py" line="296"/>
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n изменение</numerusform>
            <numerusform>%n изменения</numerusform>
            <numerusform>%n изменений</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <location filename="../../ui/exchange/import_dialog.py" line="357"/>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_dialog.py" line="358"/>
        <source>Customer name</source>
        <translation>Имя клиента</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_dialog.py" line="359"/>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_dialog.py" line="360"/>
        <source>Product</source>
        <translation>Товар</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_dialog.py" line="361"/>
        <source>Quantity</source>
        <translation>Количество</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_dialog.py" line="362"/>
        <source>Price</source>
        <translation>Цена</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_dialog.py" line="363"/>
        <source>Cost</source>
        <translation>Себестоимость</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_dialog.py" line="364"/>
        <source>Order number</source>
        <translation>№ заказа</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_dialog.py" line="365"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_dialog.py" line="366"/>
        <source>Comment</source>
        <translation>Комментарий</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_dialog.py" line="367"/>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_dialog.py" line="368"/>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_dialog.py" line="369"/>
        <source>Email</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_dialog.py" line="370"/>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_dialog.py" line="387"/>
        <source>Import from a file</source>
        <translation>Импорт из файла</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_dialog.py" line="389"/>
        <source>Spreadsheets (*.xlsx *.csv *.txt);;All files (*)</source>
        <translation>Таблицы (*.xlsx *.csv *.txt);;Все файлы (*)</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../ui/exchange/import_dialog.py" line="85"/>
        <source>Import %1</source>
        <translation>Импорт: %1</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_dialog.py" line="95"/>
        <source>Columns of the file and what they hold:</source>
        <translation>Столбцы файла и что в них:</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_dialog.py" line="97"/>
        <source>Column in the file</source>
        <translation>Столбец файла</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_dialog.py" line="97"/>
        <source>Holds</source>
        <translation>Содержит</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_dialog.py" line="100"/>
        <source>Check again with these columns</source>
        <translation>Проверить снова с этими столбцами</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_dialog.py" line="105"/>
        <source>Order</source>
        <translation>Заказ</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_dialog.py" line="105"/>
        <source>Customer</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_dialog.py" line="105"/>
        <source>Amount here → in the file</source>
        <translation>Сумма здесь → в файле</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_dialog.py" line="111"/>
        <source>Take the file&apos;s version of the orders changed both here and in the file</source>
        <translation>Взять версию из файла для заказов, изменённых и здесь, и в файле</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_dialog.py" line="116"/>
        <source>Row</source>
        <translation>Строка</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_dialog.py" line="116"/>
        <source>Column</source>
        <translation>Столбец</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_dialog.py" line="116"/>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_dialog.py" line="124"/>
        <source>Skip the rejected rows (they are written to a file beside this one)</source>
        <translation>Пропустить отклонённые строки (они будут записаны в файл рядом с этим)</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_dialog.py" line="129"/>
        <source>Import</source>
        <translation>Импортировать</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_dialog.py" line="169"/>
        <source>Reading %1…</source>
        <translation>Чтение %1…</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_dialog.py" line="181"/>
        <source>Checking…</source>
        <translation>Проверка…</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_dialog.py" line="198"/>
        <source>— not imported —</source>
        <translation>— не импортировать —</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_dialog.py" line="222"/>
        <source>Choose what the columns hold, then check again.</source>
        <translation>Укажите, что содержат столбцы, и проверьте снова.</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_dialog.py" line="225"/>
        <source>Lavka export</source>
        <translation>Выгрузка Лавки</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_dialog.py" line="225"/>
        <source>Sales log</source>
        <translation>Журнал продаж</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_dialog.py" line="227"/>
        <source>%1: %2 new contacts (%3 already known), %4 new products.</source>
        <translation>%1: новых клиентов — %2 (уже известных — %3), новых товаров — %4.</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_dialog.py" line="233"/>
        <source>Orders: %1 new, %2 updated, %3 unchanged; %4 lines to write.</source>
        <translation>Заказы: новых — %1, обновятся — %2, без изменений — %3; строк к записи — %4.</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_dialog.py" line="267"/>
        <source>Changed here too: Lavka&apos;s version is kept</source>
        <translation>Изменён и здесь: остаётся версия Лавки</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_dialog.py" line="269"/>
        <source>Updated from the file</source>
        <translation>Обновится из файла</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_dialog.py" line="280"/>
        <source>Orders changed in the file: %1.</source>
        <translation>Заказы, изменённые в файле: %1.</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_dialog.py" line="292"/>
        <source>%1 orders were changed both here and in the file since the last import: Lavka&apos;s version is kept unless you take the file&apos;s.</source>
        <translation>Заказов, изменённых и здесь, и в файле после прошлого импорта: %1. Остаётся версия Лавки, если не взять версию из файла.</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_dialog.py" line="299"/>
        <source>%1 orders of the file were deleted here after an earlier import: they are not imported again.</source>
        <translation>Заказов из файла, удалённых здесь после прошлого импорта: %1. Повторно они не импортируются.</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_dialog.py" line="304"/>
        <source>Nothing new: every order of the file is already here.</source>
        <translation>Ничего нового: все заказы из файла уже есть в Лавке.</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_dialog.py" line="250"/>
        <source>Rejected rows: %1. Nothing is imported unless you skip them.</source>
        <translation>Отклонено строк: %1. Ничего не будет импортировано, если их не пропустить.</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_dialog.py" line="254"/>
        <source>No rejected rows.</source>
        <translation>Отклонённых строк нет.</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_dialog.py" line="310"/>
        <source>There is no cost column: new products and lines get a cost of 0, so their profit equals their revenue. Map the column that holds the cost.</source>
        <translation>Нет столбца себестоимости: у новых товаров и строк она будет 0, и прибыль сравняется с выручкой. Укажите столбец, в котором себестоимость.</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_dialog.py" line="316"/>
        <source>Not imported: %1.</source>
        <translation>Не импортируются: %1.</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_dialog.py" line="341"/>
        <source>Importing…</source>
        <translation>Импорт…</translation>
    </message>
</context>
<context>
    <name>LinesModel</name>
    <message>
        <location filename="../../ui/orders/lines.py" line="72"/>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <location filename="../../ui/orders/lines.py" line="73"/>
        <source>Product</source>
        <translation>Товар</translation>
    </message>
    <message>
        <location filename="../../ui/orders/lines.py" line="74"/>
        <source>Quantity</source>
        <translation>Количество</translation>
    </message>
    <message>
        <location filename="../../ui/orders/lines.py" line="75"/>
        <location filename="../../ui/orders/lines.py" line="394"/>
        <source>Unit price</source>
        <translation>Цена</translation>
    </message>
    <message>
        <location filename="../../ui/orders/lines.py" line="76"/>
        <location filename="../../ui/orders/lines.py" line="394"/>
        <source>Unit cost</source>
        <translation>Закупка</translation>
    </message>
    <message>
        <location filename="../../ui/orders/lines.py" line="77"/>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <location filename="../../ui/orders/lines.py" line="78"/>
        <source>Profit</source>
        <translation>Прибыль</translation>
    </message>
    <message>
        <location filename="../../ui/orders/lines.py" line="79"/>
        <source>Margin</source>
        <translation>Маржа</translation>
    </message>
    <message>
        <location filename="../../ui/orders/lines.py" line="80"/>
        <source>Cost source</source>
        <translation>Себестоимость из</translation>
    </message>
    <message>
        <location filename="../../ui/orders/lines.py" line="350"/>
        <source>Choose a product.</source>
        <translation>Выберите товар.</translation>
    </message>
    <message>
        <location filename="../../ui/orders/lines.py" line="396"/>
        <source>Type the %1.</source>
        <translation>Заполните поле «%1».</translation>
    </message>
</context>
<context>
    <name>ListPage</name>
    <message>
        <location filename="../../ui/settings_dialog/lists.py" line="48"/>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/lists.py" line="50"/>
        <source>Modifier, %</source>
        <translation>Поправка, %</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/lists.py" line="64"/>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/lists.py" line="65"/>
        <source>Move up</source>
        <translation>Выше</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/lists.py" line="66"/>
        <source>Move down</source>
        <translation>Ниже</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/lists.py" line="80"/>
        <source>Modifier: the percentage points a deal gains (or loses, below zero) in probability; see the Deal scoring page.</source>
        <translation>Поправка: на сколько процентных пунктов вероятность сделки растёт (или, если меньше нуля, падает); см. страницу «Оценка сделок».</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/lists.py" line="90"/>
        <source>Open</source>
        <translation>Открыт</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/lists.py" line="90"/>
        <source>Won</source>
        <translation>Выигран</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/lists.py" line="90"/>
        <source>Lost</source>
        <translation>Проигран</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/lists.py" line="97"/>
        <source>Role of the selected status:</source>
        <translation>Роль выбранного статуса:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/lists.py" line="102"/>
        <source>Unticked entries are no longer offered.</source>
        <translation>Записи без галочки больше не предлагаются.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/common.py" line="34"/>
        <source>Row %1: %2</source>
        <translation>Строка %1: %2</translation>
    </message>
</context>
<context>
    <name>Lock</name>
    <message>
        <location filename="../../ui/lock.py" line="38"/>
        <source>&apos;%1&apos; is already open in another Lavka (process %2 on %3). Switch to that window, or close it and start Lavka again.</source>
        <translation>«%1» уже открыта в другой Лавке (процесс %2 на %3). Перейдите в то окно или закройте его и запустите Лавку снова.</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="44"/>
        <source>&apos;%1&apos; is already open in another Lavka. Switch to that window, or close it and start Lavka again.</source>
        <translation>«%1» уже открыта в другой Лавке. Перейдите в то окно или закройте его и запустите Лавку снова.</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="53"/>
        <source>Lavka cannot create its lock file beside &apos;%1&apos; (the folder may be read-only), so it did not open the database.</source>
        <translation>Лавка не может создать файл блокировки рядом с «%1» (папка может быть только для чтения), поэтому база не открыта.</translation>
    </message>
</context>
<context>
    <name>LossReasonDialog</name>
    <message>
        <location filename="../../ui/orders/loss_reason.py" line="13"/>
        <source>Why was the order lost?</source>
        <translation>Почему заказ сорвался?</translation>
    </message>
    <message>
        <location filename="../../ui/orders/loss_reason.py" line="33"/>
        <source>Reason:</source>
        <translation>Причина:</translation>
    </message>
    <message>
        <location filename="../../ui/orders/loss_reason.py" line="34"/>
        <source>Note:</source>
        <translation>Примечание:</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="652"/>
        <source>Lavka — %1</source>
        <translation>Лавка — %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="126"/>
        <source>Contacts</source>
        <translation>Клиенты</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="125"/>
        <source>Today</source>
        <translation>Сегодня</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="127"/>
        <source>Orders</source>
        <translation>Заказы</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="128"/>
        <source>Board</source>
        <translation>Воронка</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="129"/>
        <source>Products</source>
        <translation>Товары</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="130"/>
        <source>Purchases</source>
        <translation>Закупки</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="131"/>
        <source>Calendar</source>
        <translation>Календарь</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="132"/>
        <source>Reports</source>
        <translation>Отчёты</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="133"/>
        <source>History</source>
        <translation>История</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="160"/>
        <source>Section</source>
        <translation>Раздел</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="179"/>
        <source>Database: %1</source>
        <translation>База данных: %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="181"/>
        <source>%1 (you work in it as: %2)</source>
        <translation>%1 (ваша роль: %2)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="274"/>
        <source>&amp;New order…</source>
        <translation>&amp;Новый заказ…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="276"/>
        <source>New &amp;contact</source>
        <translation>Новый &amp;клиент</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="278"/>
        <source>New &amp;task…</source>
        <translation>Новая &amp;задача…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="279"/>
        <source>&amp;Find</source>
        <translation>&amp;Найти</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="281"/>
        <source>Search &amp;everything…</source>
        <translation>&amp;Поиск по всему…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="283"/>
        <source>&amp;Save</source>
        <translation>&amp;Сохранить</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="284"/>
        <source>&amp;Quit</source>
        <translation>В&amp;ыход</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="285"/>
        <source>&amp;About Lavka</source>
        <translation>&amp;О программе «Лавка»</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="287"/>
        <source>Se&amp;ttings…</source>
        <translation>&amp;Настройки…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="289"/>
        <location filename="../../ui/main_window.py" line="675"/>
        <source>Undo</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="290"/>
        <location filename="../../ui/main_window.py" line="676"/>
        <source>Redo</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="294"/>
        <source>&amp;Export…</source>
        <translation>&amp;Выгрузить…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="297"/>
        <source>Excel workbook (XLSX)…</source>
        <translation>Книга Excel (XLSX)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="299"/>
        <source>CSV…</source>
        <translation>CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="302"/>
        <source>Export &amp;all data…</source>
        <translation>Выгрузить &amp;все данные…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="305"/>
        <source>&amp;Import…</source>
        <translation>&amp;Импорт…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="306"/>
        <source>&amp;Back up…</source>
        <translation>Р&amp;езервная копия…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="308"/>
        <source>&amp;Restore from backup…</source>
        <translation>В&amp;осстановить из резервной копии…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="312"/>
        <source>Open a &amp;server&apos;s database…</source>
        <translation>Открыть базу на &amp;сервере…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="314"/>
        <source>&amp;Move to a server…</source>
        <translation>&amp;Перенести на сервер…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="318"/>
        <source>The server&apos;s database is backed up on it.</source>
        <translation>Базу на сервере копирует сам сервер.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="322"/>
        <source>Only the database&apos;s owner may do this.</source>
        <translation>Это может только владелец базы.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="326"/>
        <source>A viewer reads the database and changes nothing.</source>
        <translation>Наблюдатель только смотрит базу и ничего не меняет.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="328"/>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="338"/>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="344"/>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="349"/>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="460"/>
        <source>%n task(s) are due now</source>
        <translation>
            <numerusform>Подошёл срок %n задачи</numerusform>
            <numerusform>Подошёл срок %n задач</numerusform>
            <numerusform>Подошёл срок %n задач</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="461"/>
        <source>Lavka: a task is due</source>
        <translation>Лавка: подошёл срок задачи</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="545"/>
        <source>Skipped rows are in %1</source>
        <translation>Пропущенные строки записаны в %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="571"/>
        <source>Backing up to %1…</source>
        <translation>Резервное копирование в %1…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="587"/>
        <source>Replace all data in Lavka with the backup
%1?

The data as it is now is saved as a backup first, so this can be undone.</source>
        <translation>Заменить все данные Лавки резервной копией
%1?

Текущие данные сначала сохраняются как резервная копия, так что это можно отменить.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="598"/>
        <source>Restored the backup taken %1.</source>
        <translation>Восстановлена резервная копия от %1.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="654"/>
        <source>%n due today</source>
        <translation>
            <numerusform>%n дело на сегодня</numerusform>
            <numerusform>%n дела на сегодня</numerusform>
            <numerusform>%n дел на сегодня</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="675"/>
        <source>Undo: %1</source>
        <translation>Отменить: %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="676"/>
        <source>Redo: %1</source>
        <translation>Повторить: %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="689"/>
        <source>Undone: %1</source>
        <translation>Отменено: %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="694"/>
        <source>Redone: %1</source>
        <translation>Повторено: %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="541"/>
        <location filename="../../ui/main_window.py" line="602"/>
        <source>The data as it was before is saved as
%1</source>
        <translation>Прежние данные сохранены как
%1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="523"/>
        <source>Imported %1 new orders and updated %5, with %2 lines; %3 new contacts, %4 new products.</source>
        <translation>Новых заказов: %1, обновлено: %5, строк: %2; новых клиентов: %3, новых товаров: %4.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="533"/>
        <source>%1 orders were already here, unchanged.</source>
        <translation>Заказов, которые уже были и не изменились: %1.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="538"/>
        <source>%1 orders changed here and in the file kept Lavka&apos;s version.</source>
        <translation>Заказов, изменённых и здесь, и в файле, оставлено в версии Лавки: %1.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="610"/>
        <source>Restoring…</source>
        <translation>Восстановление…</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../ui/merge/dialog.py" line="39"/>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <location filename="../../ui/merge/dialog.py" line="40"/>
        <source>Legal name</source>
        <translation>Юр. название</translation>
    </message>
    <message>
        <location filename="../../ui/merge/dialog.py" line="41"/>
        <source>INN</source>
        <translation>ИНН</translation>
    </message>
    <message>
        <location filename="../../ui/merge/dialog.py" line="42"/>
        <source>Job title</source>
        <translation>Должность</translation>
    </message>
    <message>
        <location filename="../../ui/merge/dialog.py" line="43"/>
        <source>Company</source>
        <translation>Компания</translation>
    </message>
    <message>
        <location filename="../../ui/merge/dialog.py" line="44"/>
        <source>Main phone</source>
        <translation>Основной телефон</translation>
    </message>
    <message>
        <location filename="../../ui/merge/dialog.py" line="45"/>
        <source>Main e-mail</source>
        <translation>Основной e-mail</translation>
    </message>
    <message>
        <location filename="../../ui/merge/dialog.py" line="46"/>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <location filename="../../ui/merge/dialog.py" line="47"/>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <location filename="../../ui/merge/dialog.py" line="48"/>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <location filename="../../ui/merge/dialog.py" line="49"/>
        <source>Payment terms</source>
        <translation>Отсрочка оплаты</translation>
    </message>
    <message>
        <location filename="../../ui/merge/dialog.py" line="51"/>
        <source>Company name</source>
        <translation>Название компании</translation>
    </message>
    <message>
        <location filename="../../ui/merge/dialog.py" line="74"/>
        <source>Merge cards</source>
        <translation>Объединение карточек</translation>
    </message>
    <message>
        <location filename="../../ui/merge/dialog.py" line="86"/>
        <source>Choose the card to keep and, where the cards differ, the value to keep. Everything of the other card moves to the kept one.</source>
        <translation>Выберите карточку, которая останется, и там, где карточки различаются, — какое значение оставить. Всё из другой карточки перейдёт в оставшуюся.</translation>
    </message>
    <message>
        <location filename="../../ui/merge/dialog.py" line="107"/>
        <source>Merge</source>
        <translation>Объединить</translation>
    </message>
    <message>
        <location filename="../../ui/merge/dialog.py" line="120"/>
        <source>Merge companies</source>
        <translation>Объединение компаний</translation>
    </message>
    <message>
        <location filename="../../ui/merge/dialog.py" line="122"/>
        <source>Merge contacts</source>
        <translation>Объединение клиентов</translation>
    </message>
    <message>
        <location filename="../../ui/merge/dialog.py" line="145"/>
        <source>Keep this card</source>
        <translation>Оставить эту карточку</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/merge/dialog.py" line="150"/>
        <location filename="../../ui/merge/dialog.py" line="267"/>
        <source>%n order(s)</source>
        <translation>
            <numerusform>%n заказ</numerusform>
            <numerusform>%n заказа</numerusform>
            <numerusform>%n заказов</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/merge/dialog.py" line="151"/>
        <source>added %1</source>
        <translation>добавлена %1</translation>
    </message>
    <message>
        <location filename="../../ui/merge/dialog.py" line="153"/>
        <source>archived</source>
        <translation>в архиве</translation>
    </message>
    <message>
        <location filename="../../ui/merge/dialog.py" line="182"/>
        <source>The same on both cards</source>
        <translation>Одинаково в обеих карточках</translation>
    </message>
    <message>
        <location filename="../../ui/merge/dialog.py" line="200"/>
        <source>Both, the kept card&apos;s first</source>
        <translation>Обе, сначала из оставшейся</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/merge/dialog.py" line="214"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n день</numerusform>
            <numerusform>%n дня</numerusform>
            <numerusform>%n дней</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/merge/dialog.py" line="251"/>
        <source>Stays</source>
        <translation>Останется</translation>
    </message>
    <message>
        <location filename="../../ui/merge/dialog.py" line="251"/>
        <source>Will be removed</source>
        <translation>Будет удалена</translation>
    </message>
    <message>
        <location filename="../../ui/merge/dialog.py" line="255"/>
        <source>The card “%1” will be removed. This cannot be undone.</source>
        <translation>Карточка «%1» будет удалена. Это нельзя отменить.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/merge/dialog.py" line="268"/>
        <source>%n order(s) placed for a company</source>
        <translation>
            <numerusform>%n заказ, сделанный для компании</numerusform>
            <numerusform>%n заказа, сделанных для компании</numerusform>
            <numerusform>%n заказов, сделанных для компании</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/merge/dialog.py" line="269"/>
        <source>%n payment(s)</source>
        <translation>
            <numerusform>%n оплата</numerusform>
            <numerusform>%n оплаты</numerusform>
            <numerusform>%n оплат</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/merge/dialog.py" line="270"/>
        <source>%n follow-up(s)</source>
        <translation>
            <numerusform>%n отзыв после доставки</numerusform>
            <numerusform>%n отзыва после доставки</numerusform>
            <numerusform>%n отзывов после доставки</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/merge/dialog.py" line="271"/>
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n задача</numerusform>
            <numerusform>%n задачи</numerusform>
            <numerusform>%n задач</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/merge/dialog.py" line="272"/>
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n заметка</numerusform>
            <numerusform>%n заметки</numerusform>
            <numerusform>%n заметок</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/merge/dialog.py" line="273"/>
        <source>%n reminder answer(s)</source>
        <translation>
            <numerusform>%n ответ на напоминание</numerusform>
            <numerusform>%n ответа на напоминания</numerusform>
            <numerusform>%n ответов на напоминания</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/merge/dialog.py" line="274"/>
        <source>%n phone(s)</source>
        <translation>
            <numerusform>%n телефон</numerusform>
            <numerusform>%n телефона</numerusform>
            <numerusform>%n телефонов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/merge/dialog.py" line="275"/>
        <source>%n e-mail(s)</source>
        <translation>
            <numerusform>%n e-mail</numerusform>
            <numerusform>%n e-mail</numerusform>
            <numerusform>%n e-mail</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/merge/dialog.py" line="276"/>
        <source>%n tag(s)</source>
        <translation>
            <numerusform>%n метка</numerusform>
            <numerusform>%n метки</numerusform>
            <numerusform>%n меток</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/merge/dialog.py" line="277"/>
        <source>%n contact person(s)</source>
        <translation>
            <numerusform>%n контактное лицо</numerusform>
            <numerusform>%n контактных лица</numerusform>
            <numerusform>%n контактных лиц</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/merge/dialog.py" line="281"/>
        <source>Nothing else moves to the kept card.</source>
        <translation>Больше ничего в оставшуюся карточку не переходит.</translation>
    </message>
    <message>
        <location filename="../../ui/merge/dialog.py" line="282"/>
        <source>Moves to the kept card: %1.</source>
        <translation>В оставшуюся карточку перейдут: %1.</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../services/messages.py" line="36"/>
        <source>No purchases</source>
        <translation>Без покупок</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="37"/>
        <source>New</source>
        <translation>Новый</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="38"/>
        <source>Regular</source>
        <translation>Постоянный</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="39"/>
        <source>Woken</source>
        <translation>Проснувшийся</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="40"/>
        <source>Recently asleep</source>
        <translation>Недавно уснувший</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="41"/>
        <source>Long asleep</source>
        <translation>Давно уснувший</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="47"/>
        <source>Owner</source>
        <translation>Владелец</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="48"/>
        <source>Manager</source>
        <translation>Менеджер</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="49"/>
        <source>Viewer</source>
        <translation>Наблюдатель</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="55"/>
        <source>Ads</source>
        <translation>Реклама</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="56"/>
        <source>Delivery</source>
        <translation>Доставка</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="57"/>
        <source>Packaging</source>
        <translation>Упаковка</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="58"/>
        <source>Fees</source>
        <translation>Комиссии</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="59"/>
        <source>Other</source>
        <translation>Прочее</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="63"/>
        <source>Enter a date.</source>
        <translation>Укажите дату.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="64"/>
        <source>Date &apos;%1&apos; does not exist in the calendar.</source>
        <translation>Даты «%1» нет в календаре.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="65"/>
        <source>&apos;%1&apos; is not a date; write it as 13.09.2026 or 2026-09-13.</source>
        <translation>«%1» — не дата; напишите её как 13.09.2026 или 2026-09-13.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="68"/>
        <source>Enter what is to be done.</source>
        <translation>Напишите, что нужно сделать.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="69"/>
        <source>The title is longer than %1 characters (%2).</source>
        <translation>Название длиннее %1 символов (%2).</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="72"/>
        <source>Enter the day the task is due.</source>
        <translation>Укажите срок задачи.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="73"/>
        <source>&apos;%1&apos; is not a time of day; write it as 14:30.</source>
        <translation>«%1» — не время; напишите его как 14:30.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="76"/>
        <source>Contact #%1 does not exist.</source>
        <translation>Клиента №%1 нет.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="77"/>
        <source>Order No. %1 does not exist.</source>
        <translation>Заказа № %1 нет.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="78"/>
        <source>Order No. %1 belongs to another contact.</source>
        <translation>Заказ № %1 — другого клиента.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="81"/>
        <source>Task #%1 does not exist (any more).</source>
        <translation>Задачи №%1 больше нет.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="82"/>
        <source>No contact has the phone %1.</source>
        <translation>Ни у одного клиента нет телефона %1.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="83"/>
        <source>Phone %1 already belongs to contact &apos;%2&apos; (#%3).</source>
        <translation>Телефон %1 уже есть у клиента «%2» (№ %3).</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="84"/>
        <source>There is no order status with code &apos;%1&apos;.</source>
        <translation>Статуса заказа с кодом «%1» нет.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="85"/>
        <source>Contact #%1 does not exist (any more).</source>
        <translation>Клиента №%1 больше нет.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="86"/>
        <source>Someone else saved this record after you opened it; nothing was saved.</source>
        <translation>Эту запись сохранил кто-то другой, пока она была у вас открыта; ничего не сохранено.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="89"/>
        <source>%1 %2 is also on sheet %3, row %4.</source>
        <translation>%1 %2 есть и на листе %3, в строке %4.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="90"/>
        <source>Company ID %1 was rejected.</source>
        <translation>Компания с Company ID %1 отклонена.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="91"/>
        <source>Company ID %1 is not in the Companies sheet.</source>
        <translation>Company ID %1 нет на листе Companies.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="94"/>
        <source>&apos;%1&apos; has orders (%2) and cannot be deleted: archive the card or merge it into another one instead.</source>
        <translation>У «%1» есть заказы (%2), карточку нельзя удалить: переместите её в архив или объедините с другой.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="99"/>
        <source>Company #%1 does not exist (any more).</source>
        <translation>Компании №%1 нет (больше нет).</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="102"/>
        <source>&apos;%1&apos; is a person, not a company.</source>
        <translation>«%1» — человек, а не компания.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="103"/>
        <source>A company cannot belong to another company.</source>
        <translation>Компания не может входить в другую компанию.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="106"/>
        <source>&apos;%1&apos; is neither a person nor a company.</source>
        <translation>«%1» — ни человек, ни компания.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="109"/>
        <source>&apos;%1&apos; has people (%2): a company with people stays a company.</source>
        <translation>В «%1» есть сотрудники (%2): компания с сотрудниками остаётся компанией.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="112"/>
        <source>Phone %1 is entered twice.</source>
        <translation>Телефон %1 введён дважды.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="113"/>
        <source>E-mail %1 is entered twice.</source>
        <translation>E-mail %1 введён дважды.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="114"/>
        <source>&apos;%1&apos; is not a known label.</source>
        <translation>«%1» — неизвестная пометка.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="115"/>
        <source>An INN is made of digits only; &apos;%1&apos; is not.</source>
        <translation>ИНН состоит только из цифр, а «%1» — нет.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="118"/>
        <source>An INN has 10 digits (a company) or 12 (a person or sole trader); &apos;%1&apos; has %2.</source>
        <translation>В ИНН 10 цифр (организация) или 12 (физлицо или ИП), а в «%1» — %2.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="121"/>
        <source>INN %1 has a wrong check digit: check it against the documents.</source>
        <translation>В ИНН %1 неверная контрольная цифра: сверьте его с документами.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="124"/>
        <source>A KPP is 9 characters (4 digits, 2 digits or letters, 3 digits); &apos;%1&apos; is not.</source>
        <translation>КПП состоит из 9 знаков (4 цифры, 2 цифры или буквы, 3 цифры); «%1» — нет.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="127"/>
        <source>OGRN %1 does not add up: it has 13 digits (15 for a sole trader) and the last is a check digit.</source>
        <translation>ОГРН %1 не сходится: в нём 13 цифр (у ИП 15), и последняя — контрольная.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="132"/>
        <location filename="../../services/messages.py" line="133"/>
        <source>&apos;%1&apos; is longer than %2 characters.</source>
        <translation>«%1» длиннее %2 знаков.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="134"/>
        <source>A BIK has 9 digits; &apos;%1&apos; does not.</source>
        <translation>БИК состоит из 9 цифр; «%1» — нет.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="135"/>
        <source>Enter the bank&apos;s BIK: the accounts are checked against it.</source>
        <translation>Укажите БИК банка: по нему проверяются счета.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="138"/>
        <source>An account number has 20 digits; &apos;%1&apos; has %2 characters.</source>
        <translation>Номер счёта состоит из 20 цифр; в «%1» знаков: %2.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="141"/>
        <source>Account %1 does not match BIK %2 (its check digit is wrong): check both against the bank&apos;s details.</source>
        <translation>Счёт %1 не подходит к БИК %2 (неверный контрольный разряд): сверьте оба с реквизитами банка.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="146"/>
        <source>&apos;%1&apos; is not a VAT rate: a whole percent from 0 to 99, or empty for no VAT.</source>
        <translation>«%1» — не ставка НДС: целое число процентов от 0 до 99, или пусто, если без НДС.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="149"/>
        <source>%1: the image must be a PNG or JPEG file.</source>
        <translation>%1: изображение должно быть файлом PNG или JPEG.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="152"/>
        <source>%1: the image is larger than %2 KB; use a smaller one.</source>
        <translation>%1: изображение больше %2 КБ; возьмите поменьше.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="155"/>
        <source>Order No. %1 has no lines: a document lists what is sold, add it first.</source>
        <translation>В заказе № %1 нет строк: документ перечисляет проданное — сначала добавьте его.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="158"/>
        <source>Enter the seller&apos;s name in Settings → Business before making documents.</source>
        <translation>Прежде чем делать документы, укажите название продавца в Настройках → Бизнес.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="162"/>
        <source>Document #%1 does not exist.</source>
        <translation>Документа № %1 нет.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="163"/>
        <source>A card cannot be merged with itself: choose two different cards.</source>
        <translation>Карточку нельзя объединить с ней самой: выберите две разные карточки.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="166"/>
        <source>A person and a company cannot be merged: merge two people or two companies.</source>
        <translation>Человека и компанию объединить нельзя: объединяйте двух людей или две компании.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="169"/>
        <source>Tag &apos;%1&apos; already exists.</source>
        <translation>Метка «%1» уже есть.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="170"/>
        <source>Tag #%1 does not exist (any more).</source>
        <translation>Метки №%1 нет (больше нет).</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="171"/>
        <source>&apos;%1&apos; is not a colour; write it as #RRGGBB, for example #2e7d32.</source>
        <translation>«%1» — не цвет; пишите его как #RRGGBB, например #2e7d32.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="174"/>
        <source>Contact #%1 named as who ordered does not exist (any more).</source>
        <translation>Клиента №%1, указанного как заказавший, нет (больше нет).</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="177"/>
        <source>&apos;%1&apos; is a company; who ordered must be a person.</source>
        <translation>«%1» — компания; заказывает всегда человек.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="180"/>
        <source>Order No. %1 does not exist (any more).</source>
        <translation>Заказа № %1 больше нет.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="181"/>
        <source>Only a follow-up marked done records an answer.</source>
        <translation>Ответ записывается, только когда звонок сделан.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="184"/>
        <source>Choose a day after today.</source>
        <translation>Выберите день позже сегодняшнего.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="185"/>
        <source>Write the note first.</source>
        <translation>Сначала напишите заметку.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="186"/>
        <source>The note is longer than %1 characters.</source>
        <translation>Заметка длиннее %1 символов.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="187"/>
        <source>&apos;%1&apos; is not a whole number of days from 1 to %2.</source>
        <translation>«%1» — не целое число дней от 1 до %2.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="190"/>
        <source>&apos;%1&apos; is not a number like 1.5 (more than 0, at most %2).</source>
        <translation>«%1» — не число вроде 1,5 (больше 0, не больше %2).</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="193"/>
        <source>The awake limit must be more than 1: past one cadence a customer is due to reorder, past this limit asleep.</source>
        <translation>Граница «уснул» должна быть больше 1: через одну периодичность клиенту пора повторить заказ, после этой границы он уснул.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="198"/>
        <source>The long-asleep limit (%1) must be more than the awake limit (%2).</source>
        <translation>Граница «давно уснул» (%1) должна быть больше границы «уснул» (%2).</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="201"/>
        <source>Currency code &apos;%1&apos; must be three letters A–Z, like RUB or USD.</source>
        <translation>Код валюты «%1» должен состоять из трёх латинских букв, например RUB или USD.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="204"/>
        <source>Enter a currency symbol, like ₽ or $.</source>
        <translation>Введите символ валюты, например ₽ или $.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="207"/>
        <source>Currency symbol &apos;%1&apos; is longer than %2 characters.</source>
        <translation>Символ валюты «%1» длиннее %2 знаков.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="210"/>
        <source>Phone region &apos;%1&apos; is not a known region code.</source>
        <translation>Регион телефонов «%1» — неизвестный код региона.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="213"/>
        <source>Entry #%1 no longer exists.</source>
        <translation>Записи № %1 больше нет.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="214"/>
        <source>Entry #%1 appears twice.</source>
        <translation>Запись № %1 указана дважды.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="215"/>
        <source>Enter a name.</source>
        <translation>Введите название.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="216"/>
        <source>Name &apos;%1&apos; is longer than %2 characters.</source>
        <translation>Название «%1» длиннее %2 знаков.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="217"/>
        <source>Name &apos;%1&apos; is already used on row %2.</source>
        <translation>Название «%1» уже есть в строке %2.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="218"/>
        <source>Name &apos;%1&apos; is taken by the removed entry &apos;%2&apos;.</source>
        <translation>Название «%1» занято убранной записью «%2».</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="221"/>
        <source>Role &apos;%1&apos; must be one of open, won, lost.</source>
        <translation>Роль «%1» должна быть одной из: open, won, lost.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="222"/>
        <source>Status &apos;%1&apos; cannot be removed; rename it instead.</source>
        <translation>Статус «%1» нельзя удалить; переименуйте его.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="225"/>
        <source>At least one status must be won (like Completed).</source>
        <translation>Хотя бы один статус должен означать успех (как «Выполнен»).</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="228"/>
        <source>At least one status must be lost (like Cancelled).</source>
        <translation>Хотя бы один статус должен означать потерю (как «Отменён»).</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="231"/>
        <source>The period ends (%1) before it starts (%2).</source>
        <translation>Период заканчивается (%1) раньше, чем начинается (%2).</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="234"/>
        <source>Demo data can only go into an empty database; this one already has contacts, products or orders.</source>
        <translation>Демо-данные можно записать только в пустую базу; в этой уже есть клиенты, товары или заказы.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="239"/>
        <source>%1, row %2</source>
        <translation>%1, строка %2</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="240"/>
        <source>Row %1</source>
        <translation>Строка %1</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="241"/>
        <source>%1, %2: %3</source>
        <translation>%1, %2: %3</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="242"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="243"/>
        <source>Skipped with row %1 (the same order).</source>
        <translation>Пропущена вместе со строкой %1 (тот же заказ).</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="244"/>
        <source>Nothing was imported: %1 row(s) were rejected.</source>
        <translation>Ничего не импортировано: отклонено строк: %1.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="247"/>
        <source>… and %1 more.</source>
        <translation>… и ещё %1.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="248"/>
        <source>The file has no sheet with data.</source>
        <translation>В файле нет листа с данными.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="249"/>
        <source>Sheet &apos;%1&apos; has no column for %2.</source>
        <translation>На листе «%1» нет столбца «%2».</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="250"/>
        <source>Its columns are %1; recognised: %2. Choose which column holds each missing one.</source>
        <translation>Его столбцы: %1; распознаны: %2. Укажите, в каком столбце каждое недостающее поле.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="254"/>
        <source>Status &apos;%1&apos; is not in the list of statuses.</source>
        <translation>Статуса «%1» нет в списке статусов.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="257"/>
        <location filename="../../services/messages.py" line="808"/>
        <source>E-mail &apos;%1&apos; is not an address like name@mail.ru.</source>
        <translation>E-mail «%1» — не адрес вида name@mail.ru.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="260"/>
        <source>No customer: the row has neither a name nor a phone.</source>
        <translation>Нет клиента: в строке нет ни имени, ни телефона.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="263"/>
        <source>Product is required.</source>
        <translation>Укажите товар.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="264"/>
        <source>Price is empty and &apos;%1&apos; is not in the catalogue.</source>
        <translation>Цена не указана, а товара «%1» нет в каталоге.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="267"/>
        <source>Order %1 is for another customer in row %2.</source>
        <translation>Заказ %1 в строке %2 на другого клиента.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="270"/>
        <source>--format %1 needs --out FILE.</source>
        <translation>Для --format %1 нужен --out ФАЙЛ.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="271"/>
        <source>--to %1 is before --from %2.</source>
        <translation>--to %1 раньше, чем --from %2.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="272"/>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="273"/>
        <source>Folder &apos;%1&apos; cannot be created (no space left on the device).</source>
        <translation>Папку «%1» не удалось создать (на устройстве нет места).</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="276"/>
        <source>Folder &apos;%1&apos; cannot be created (Lavka is not allowed to write there).</source>
        <translation>Папку «%1» не удалось создать (Лавке не разрешено туда писать).</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="279"/>
        <source>Folder &apos;%1&apos; cannot be created (the device is read-only).</source>
        <translation>Папку «%1» не удалось создать (устройство только для чтения).</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="282"/>
        <source>Folder &apos;%1&apos; cannot be created (the file is in use by another program (is Lavka running?)).</source>
        <translation>Папку «%1» не удалось создать (файл занят другой программой (Лавка уже запущена?)).</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="286"/>
        <source>Folder &apos;%1&apos; cannot be created (the device reported a read or write error (was it removed?)).</source>
        <translation>Папку «%1» не удалось создать (устройство сообщило об ошибке чтения или записи (его отключили?)).</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="290"/>
        <source>Folder &apos;%1&apos; cannot be created (%2).</source>
        <translation>Папку «%1» не удалось создать (%2).</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="291"/>
        <source>The backup to &apos;%1&apos; failed: no space left on the device. Older backups there are untouched.</source>
        <translation>Резервная копия в «%1» не создана: на устройстве нет места. Прежние копии там не тронуты.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="295"/>
        <source>The backup to &apos;%1&apos; failed: Lavka is not allowed to write there. Older backups there are untouched.</source>
        <translation>Резервная копия в «%1» не создана: Лавке не разрешено туда писать. Прежние копии там не тронуты.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="299"/>
        <source>The backup to &apos;%1&apos; failed: the device is read-only. Older backups there are untouched.</source>
        <translation>Резервная копия в «%1» не создана: устройство только для чтения. Прежние копии там не тронуты.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="303"/>
        <source>The backup to &apos;%1&apos; failed: the file is in use by another program (is Lavka running?). Older backups there are untouched.</source>
        <translation>Резервная копия в «%1» не создана: файл занят другой программой (Лавка уже запущена?). Прежние копии там не тронуты.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="307"/>
        <source>The backup to &apos;%1&apos; failed: the device reported a read or write error (was it removed?). Older backups there are untouched.</source>
        <translation>Резервная копия в «%1» не создана: устройство сообщило об ошибке чтения или записи (его отключили?). Прежние копии там не тронуты.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="311"/>
        <source>The backup to &apos;%1&apos; failed: %2. Older backups there are untouched.</source>
        <translation>Резервная копия в «%1» не создана: %2. Прежние копии там не тронуты.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="314"/>
        <source>&apos;%1&apos; cannot be read now (no space left on the device); Lavka did not change it.</source>
        <translation>«%1» сейчас не прочитать (на устройстве нет места); Лавка его не меняла.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="318"/>
        <source>&apos;%1&apos; cannot be read now (Lavka is not allowed to read it); Lavka did not change it.</source>
        <translation>«%1» сейчас не прочитать (Лавке не разрешено его читать); Лавка его не меняла.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="322"/>
        <source>&apos;%1&apos; cannot be read now (the device is read-only); Lavka did not change it.</source>
        <translation>«%1» сейчас не прочитать (устройство только для чтения); Лавка его не меняла.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="325"/>
        <source>&apos;%1&apos; cannot be read now (the file is in use by another program (is Lavka running?)); Lavka did not change it.</source>
        <translation>«%1» сейчас не прочитать (файл занят другой программой (Лавка уже запущена?)); Лавка его не меняла.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="329"/>
        <source>&apos;%1&apos; cannot be read now (the device reported a read or write error (was it removed?)); Lavka did not change it.</source>
        <translation>«%1» сейчас не прочитать (устройство сообщило об ошибке чтения или записи (его отключили?)); Лавка его не меняла.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="333"/>
        <source>&apos;%1&apos; cannot be read now (%2); Lavka did not change it.</source>
        <translation>«%1» сейчас не прочитать (%2); Лавка его не меняла.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="336"/>
        <source>&apos;%1&apos; was not upgraded: the copy kept before an upgrade could not be written (no space left on the device). Lavka did not change it.</source>
        <translation>«%1» не обновлена: не удалось записать копию, которая сохраняется перед обновлением (на устройстве нет места). Лавка её не меняла.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="340"/>
        <source>&apos;%1&apos; was not upgraded: the copy kept before an upgrade could not be written (Lavka is not allowed to write there). Lavka did not change it.</source>
        <translation>«%1» не обновлена: не удалось записать копию, которая сохраняется перед обновлением (Лавке не разрешено туда писать). Лавка её не меняла.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="344"/>
        <source>&apos;%1&apos; was not upgraded: the copy kept before an upgrade could not be written (the device is read-only). Lavka did not change it.</source>
        <translation>«%1» не обновлена: не удалось записать копию, которая сохраняется перед обновлением (устройство только для чтения). Лавка её не меняла.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="348"/>
        <source>&apos;%1&apos; was not upgraded: the copy kept before an upgrade could not be written (the file is in use by another program (is Lavka running?)). Lavka did not change it.</source>
        <translation>«%1» не обновлена: не удалось записать копию, которая сохраняется перед обновлением (файл занят другой программой (Лавка уже запущена?)). Лавка её не меняла.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="352"/>
        <source>&apos;%1&apos; was not upgraded: the copy kept before an upgrade could not be written (the device reported a read or write error (was it removed?)). Lavka did not change it.</source>
        <translation>«%1» не обновлена: не удалось записать копию, которая сохраняется перед обновлением (устройство сообщило об ошибке чтения или записи (его отключили?)). Лавка её не меняла.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="356"/>
        <source>&apos;%1&apos; was not upgraded: the copy kept before an upgrade could not be written (%2). Lavka did not change it.</source>
        <translation>«%1» не обновлена: не удалось записать копию, которая сохраняется перед обновлением (%2). Лавка её не меняла.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="360"/>
        <source>Restoring &apos;%1&apos; into &apos;%2&apos; failed (no space left on the device); the database was not changed.</source>
        <translation>Восстановить «%1» в «%2» не удалось (на устройстве нет места); база не изменена.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="364"/>
        <source>Restoring &apos;%1&apos; into &apos;%2&apos; failed (Lavka is not allowed to write there); the database was not changed.</source>
        <translation>Восстановить «%1» в «%2» не удалось (Лавке не разрешено туда писать); база не изменена.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="368"/>
        <source>Restoring &apos;%1&apos; into &apos;%2&apos; failed (the device is read-only); the database was not changed.</source>
        <translation>Восстановить «%1» в «%2» не удалось (устройство только для чтения); база не изменена.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="372"/>
        <source>Restoring &apos;%1&apos; into &apos;%2&apos; failed (the file is in use by another program (is Lavka running?)); the database was not changed.</source>
        <translation>Восстановить «%1» в «%2» не удалось (файл занят другой программой (Лавка уже запущена?)); база не изменена.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="376"/>
        <source>Restoring &apos;%1&apos; into &apos;%2&apos; failed (the device reported a read or write error (was it removed?)); the database was not changed.</source>
        <translation>Восстановить «%1» в «%2» не удалось (устройство сообщило об ошибке чтения или записи (его отключили?)); база не изменена.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="380"/>
        <source>Restoring &apos;%1&apos; into &apos;%2&apos; failed (%3); the database was not changed.</source>
        <translation>Восстановить «%1» в «%2» не удалось (%3); база не изменена.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="383"/>
        <source>&apos;%1&apos; could not be moved aside (no space left on the device); it is still there, unchanged.</source>
        <translation>«%1» не удалось отложить (на устройстве нет места); файл на месте и не изменён.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="387"/>
        <source>&apos;%1&apos; could not be moved aside (Lavka is not allowed to write there); it is still there, unchanged.</source>
        <translation>«%1» не удалось отложить (Лавке не разрешено туда писать); файл на месте и не изменён.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="391"/>
        <source>&apos;%1&apos; could not be moved aside (the device is read-only); it is still there, unchanged.</source>
        <translation>«%1» не удалось отложить (устройство только для чтения); файл на месте и не изменён.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="395"/>
        <source>&apos;%1&apos; could not be moved aside (the file is in use by another program (is Lavka running?)); it is still there, unchanged.</source>
        <translation>«%1» не удалось отложить (файл занят другой программой (Лавка уже запущена?)); файл на месте и не изменён.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="399"/>
        <source>&apos;%1&apos; could not be moved aside (the device reported a read or write error (was it removed?)); it is still there, unchanged.</source>
        <translation>«%1» не удалось отложить (устройство сообщило об ошибке чтения или записи (его отключили?)); файл на месте и не изменён.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="403"/>
        <source>&apos;%1&apos; could not be moved aside (%2); it is still there, unchanged.</source>
        <translation>«%1» не удалось отложить (%2); файл на месте и не изменён.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="406"/>
        <source>Could not write &apos;%1&apos; (no space left on the device). Nothing was exported.</source>
        <translation>Не удалось записать «%1» (на устройстве нет места). Ничего не выгружено.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="409"/>
        <source>Could not write &apos;%1&apos; (Lavka is not allowed to write there). Nothing was exported.</source>
        <translation>Не удалось записать «%1» (Лавке не разрешено туда писать). Ничего не выгружено.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="413"/>
        <source>Could not write &apos;%1&apos; (the device is read-only). Nothing was exported.</source>
        <translation>Не удалось записать «%1» (устройство только для чтения). Ничего не выгружено.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="416"/>
        <source>Could not write &apos;%1&apos; (the file is in use by another program (is Lavka running?)). Nothing was exported.</source>
        <translation>Не удалось записать «%1» (файл занят другой программой (Лавка уже запущена?)). Ничего не выгружено.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="420"/>
        <source>Could not write &apos;%1&apos; (the device reported a read or write error (was it removed?)). Nothing was exported.</source>
        <translation>Не удалось записать «%1» (устройство сообщило об ошибке чтения или записи (его отключили?)). Ничего не выгружено.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="424"/>
        <source>Could not write &apos;%1&apos; (%2). Nothing was exported.</source>
        <translation>Не удалось записать «%1» (%2). Ничего не выгружено.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="427"/>
        <source>&apos;%1&apos; cannot be imported: it cannot be read (no space left on the device).</source>
        <translation>«%1» нельзя импортировать: его не прочитать (на устройстве нет места).</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="430"/>
        <source>&apos;%1&apos; cannot be imported: it cannot be read (Lavka is not allowed to read it).</source>
        <translation>«%1» нельзя импортировать: его не прочитать (Лавке не разрешено его читать).</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="433"/>
        <source>&apos;%1&apos; cannot be imported: it cannot be read (the device is read-only).</source>
        <translation>«%1» нельзя импортировать: его не прочитать (устройство только для чтения).</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="436"/>
        <source>&apos;%1&apos; cannot be imported: it cannot be read (the file is in use by another program (is Lavka running?)).</source>
        <translation>«%1» нельзя импортировать: его не прочитать (файл занят другой программой (Лавка уже запущена?)).</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="440"/>
        <source>&apos;%1&apos; cannot be imported: it cannot be read (the device reported a read or write error (was it removed?)).</source>
        <translation>«%1» нельзя импортировать: его не прочитать (устройство сообщило об ошибке чтения или записи (его отключили?)).</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="444"/>
        <source>&apos;%1&apos; cannot be imported: it cannot be read (%2).</source>
        <translation>«%1» нельзя импортировать: его не прочитать (%2).</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="447"/>
        <source>Could not write the skipped rows to &apos;%1&apos; (no space left on the device).</source>
        <translation>Не удалось записать пропущенные строки в «%1» (на устройстве нет места).</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="450"/>
        <source>Could not write the skipped rows to &apos;%1&apos; (Lavka is not allowed to write there).</source>
        <translation>Не удалось записать пропущенные строки в «%1» (Лавке не разрешено туда писать).</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="454"/>
        <source>Could not write the skipped rows to &apos;%1&apos; (the device is read-only).</source>
        <translation>Не удалось записать пропущенные строки в «%1» (устройство только для чтения).</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="457"/>
        <source>Could not write the skipped rows to &apos;%1&apos; (the file is in use by another program (is Lavka running?)).</source>
        <translation>Не удалось записать пропущенные строки в «%1» (файл занят другой программой (Лавка уже запущена?)).</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="461"/>
        <source>Could not write the skipped rows to &apos;%1&apos; (the device reported a read or write error (was it removed?)).</source>
        <translation>Не удалось записать пропущенные строки в «%1» (устройство сообщило об ошибке чтения или записи (его отключили?)).</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="465"/>
        <source>Could not write the skipped rows to &apos;%1&apos; (%2).</source>
        <translation>Не удалось записать пропущенные строки в «%1» (%2).</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="468"/>
        <source>The backup to &apos;%1&apos; failed: the folder is no longer there (was the drive removed?). Older backups there are untouched.</source>
        <translation>Резервная копия в «%1» не создана: папки больше нет (носитель отключили?). Прежние копии там не тронуты.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="472"/>
        <source>The backup folder &apos;%1&apos; does not exist (is the drive connected?).</source>
        <translation>Папки для резервной копии «%1» нет (носитель подключён?).</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="475"/>
        <source>&apos;%1&apos; is not a folder.</source>
        <translation>«%1» — не папка.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="476"/>
        <source>There is no backup at &apos;%1&apos;.</source>
        <translation>Резервной копии «%1» нет.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="477"/>
        <source>&apos;%1&apos; cannot be backed up: it is damaged or not a Lavka database (%2).</source>
        <translation>Копию «%1» сделать нельзя: файл повреждён или это не база Лавки (%2).</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="480"/>
        <source>The backup to &apos;%1&apos; failed: the copy holds %3 rows in %2 instead of %4. Older backups there are untouched.</source>
        <translation>Резервная копия в «%1» не создана: в копии %3 строк в %2 вместо %4. Прежние копии там не тронуты.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="484"/>
        <source>The backup to &apos;%1&apos; failed: the copy is not an SQLite database. Older backups there are untouched.</source>
        <translation>Резервная копия в «%1» не создана: копия — не база SQLite. Прежние копии там не тронуты.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="488"/>
        <source>The backup to &apos;%1&apos; failed: the copy is not a Lavka database (no %2 table). Older backups there are untouched.</source>
        <translation>Резервная копия в «%1» не создана: копия — не база Лавки (нет таблицы %2). Прежние копии там не тронуты.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="492"/>
        <source>The backup to &apos;%1&apos; failed: the database was written by a newer Lavka (schema %2); update Lavka to back it up. Older backups there are untouched.</source>
        <translation>Резервная копия в «%1» не создана: база записана более новой Лавкой (схема %2); обновите Лавку. Прежние копии там не тронуты.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="496"/>
        <source>The backup to &apos;%1&apos; failed: the copy did not pass the check: it is damaged (%2). Older backups there are untouched.</source>
        <translation>Резервная копия в «%1» не создана: копия не прошла проверку — она повреждена (%2). Прежние копии там не тронуты.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="500"/>
        <source>The backup to &apos;%1&apos; failed: the copy is damaged (%2 row %3 points to a missing %4). Older backups there are untouched.</source>
        <translation>Резервная копия в «%1» не создана: копия повреждена (строка %3 в %2 ссылается на отсутствующую запись %4). Прежние копии там не тронуты.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="505"/>
        <source>The weekly full check found damage in the database &apos;%1&apos; that the check at start does not see (%2). Until it is repaired, Lavka makes no automatic backup of it, so the older backups stay as they are. To repair it, restore the newest backup that File → Restore from backup… accepts (it accepts only sound ones); what was entered after that backup will have to be entered again.</source>
        <translation>Еженедельная полная проверка нашла в базе данных «%1» повреждение, которое не видит проверка при запуске (%2). Пока база не исправлена, Лавка не делает её автоматических резервных копий, поэтому прежние копии остаются как есть. Чтобы исправить базу, восстановите самую новую копию, которую примет Файл → Восстановить из резервной копии… (принимаются только исправные копии); то, что было внесено после этой копии, придётся внести заново.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="509"/>
        <source>The weekly full check found damage in the database &apos;%1&apos;: %2 row %3 points to a missing %4. Until it is repaired, Lavka makes no automatic backup of it, so the older backups stay as they are. To repair it, restore the newest backup that File → Restore from backup… accepts (it accepts only sound ones); what was entered after that backup will have to be entered again.</source>
        <translation>Еженедельная полная проверка нашла повреждение в базе данных «%1»: строка %3 в %2 ссылается на отсутствующую запись %4. Пока база не исправлена, Лавка не делает её автоматических резервных копий, поэтому прежние копии остаются как есть. Чтобы исправить базу, восстановите самую новую копию, которую примет Файл → Восстановить из резервной копии… (принимаются только исправные копии); то, что было внесено после этой копии, придётся внести заново.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="513"/>
        <source>&apos;%1&apos; cannot be used as a backup: it is not an SQLite database.</source>
        <translation>«%1» нельзя использовать как резервную копию: это не база SQLite.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="516"/>
        <source>&apos;%1&apos; cannot be used as a backup: it is not a Lavka database (no %2 table).</source>
        <translation>«%1» нельзя использовать как резервную копию: это не база Лавки (нет таблицы %2).</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="519"/>
        <source>&apos;%1&apos; cannot be used as a backup: it was written by a newer Lavka (schema %2); update Lavka to use it.</source>
        <translation>«%1» нельзя использовать как резервную копию: она записана более новой Лавкой (схема %2); обновите Лавку.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="523"/>
        <source>&apos;%1&apos; cannot be used as a backup: it is damaged (%2).</source>
        <translation>«%1» нельзя использовать как резервную копию: она повреждена (%2).</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="526"/>
        <source>&apos;%1&apos; cannot be used as a backup: it is damaged (%2 row %3 points to a missing %4).</source>
        <translation>«%1» нельзя использовать как резервную копию: она повреждена (строка %3 в %2 ссылается на отсутствующую запись %4).</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="530"/>
        <source>There is no database at &apos;%1&apos;.</source>
        <translation>Базы данных «%1» нет.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="531"/>
        <source>Folder &apos;%1&apos; does not exist.</source>
        <translation>Папки «%1» нет.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="532"/>
        <source>&apos;%1&apos; is not a Lavka database (not an SQLite file); Lavka did not change it.</source>
        <translation>«%1» — не база Лавки (не файл SQLite); Лавка его не меняла.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="535"/>
        <source>&apos;%1&apos; is not a Lavka database; Lavka did not change it.</source>
        <translation>«%1» — не база Лавки; Лавка его не меняла.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="538"/>
        <source>&apos;%1&apos; is an empty file, not a Lavka database; Lavka did not change it.</source>
        <translation>«%1» — пустой файл, а не база Лавки; Лавка его не меняла.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="541"/>
        <source>&apos;%1&apos; already holds other data (tables: %2) but no Lavka schema version; Lavka did not change it.</source>
        <translation>В «%1» уже есть другие данные (таблицы: %2), но нет версии схемы Лавки; Лавка его не меняла.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="545"/>
        <source>&apos;%1&apos; was written by a newer Lavka (schema %2); update Lavka to open it.</source>
        <translation>«%1» записана более новой Лавкой (схема %2); обновите Лавку, чтобы её открыть.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="548"/>
        <source>Upgrading &apos;%1&apos; to schema %2 failed (%4). The file as it was before is kept at &apos;%3&apos;.</source>
        <translation>Обновить «%1» до схемы %2 не удалось (%4). Файл в прежнем виде сохранён в «%3».</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="552"/>
        <source>&apos;%1&apos; cannot be opened as a Lavka database: it is damaged or not a database (%2).</source>
        <translation>«%1» не открыть как базу Лавки: файл повреждён или это не база данных (%2).</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="556"/>
        <source>Upgrading the database &apos;%1&apos; to schema %2 failed (%3); the database was left as it was.</source>
        <translation>Не удалось обновить базу «%1» до схемы %2 (%3); база осталась как была.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="560"/>
        <source>The database &apos;%1&apos; cannot be opened as a Lavka database (%2).</source>
        <translation>Базу «%1» не удаётся открыть как базу Лавки (%2).</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="563"/>
        <source>&apos;%1&apos; works on a database file; &apos;%2&apos; is a server&apos;s database, which its server checks, backs up and restores (pg_dump, pg_restore).</source>
        <translation>«%1» работает с файлом базы; «%2» — база на сервере, её проверяет, копирует и восстанавливает сам сервер (pg_dump, pg_restore).</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="567"/>
        <source>The database &apos;%1&apos; gives this user no Lavka role; ask its owner to add you in Settings, Users.</source>
        <translation>База «%1» не даёт этому пользователю роли в Лавке; попросите владельца добавить вас в Настройках, «Пользователи».</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="571"/>
        <source>The database &apos;%1&apos; is not yet at schema %2; its owner opens it first with this Lavka, which upgrades it.</source>
        <translation>База «%1» ещё не обновлена до схемы %2: сначала её открывает владелец в этой версии Лавки, и она обновляется.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="575"/>
        <source>Your role in this database does not allow this; nothing was changed. Its owner decides who may do what.</source>
        <translation>Ваша роль в этой базе этого не позволяет; ничего не изменено. Кому что можно, решает владелец базы.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="579"/>
        <source>A database file has one user, its owner; users are added to a server&apos;s database.</source>
        <translation>У файла базы один пользователь — его владелец; пользователей добавляют в базу на сервере.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="583"/>
        <source>Only the database&apos;s owner adds, changes and removes users.</source>
        <translation>Добавлять, менять и удалять пользователей может только владелец базы.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="586"/>
        <source>&apos;%1&apos; is not a role here; a user is a manager or a viewer.</source>
        <translation>«%1» — не роль; пользователь бывает менеджером или наблюдателем.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="589"/>
        <source>&apos;%1&apos; cannot be a user&apos;s name: use small Latin letters, digits and _, starting with a letter (up to 63).</source>
        <translation>«%1» не годится в имя пользователя: используйте строчные латинские буквы, цифры и _, начиная с буквы (до 63 знаков).</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="593"/>
        <source>The password is too short: at least %1 characters.</source>
        <translation>Пароль слишком короткий: нужно не меньше %1 знаков.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="596"/>
        <source>The name &apos;%1&apos; is already taken on this server; choose another.</source>
        <translation>Имя «%1» на этом сервере уже занято; выберите другое.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="599"/>
        <source>There is no user &apos;%1&apos; in this database.</source>
        <translation>В этой базе нет пользователя «%1».</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="600"/>
        <source>The server refused to change the user &apos;%1&apos; (%2); the owner&apos;s role needs the right to create roles (CREATEROLE).</source>
        <translation>Сервер не дал изменить пользователя «%1» (%2); роли владельца нужно право создавать роли (CREATEROLE).</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="604"/>
        <source>&apos;%1&apos; is not a PostgreSQL database&apos;s address; it looks like postgresql://user@host/database.</source>
        <translation>«%1» — не адрес базы PostgreSQL; он выглядит так: postgresql://пользователь@сервер/база.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="608"/>
        <source>The database &apos;%1&apos; is not empty (tables: %2); Lavka moves only into an empty database and did not change it.</source>
        <translation>База «%1» не пуста (таблицы: %2); Лавка переносит данные только в пустую базу и ничего в ней не изменила.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="612"/>
        <source>The copy of &apos;%1&apos; came out different (here: %2; on the server: %3), so nothing was moved; the server&apos;s database was left empty.</source>
        <translation>Копия таблицы «%1» получилась другой (здесь: %2; на сервере: %3), поэтому ничего не перенесено; база на сервере осталась пустой.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="616"/>
        <source>The database &apos;%1&apos; is closed.</source>
        <translation>База данных «%1» закрыта.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="617"/>
        <source>The disk holding &apos;%1&apos; is full: nothing was saved. Free some space and try again.</source>
        <translation>Диск с «%1» заполнен: ничего не сохранено. Освободите место и попробуйте снова.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="621"/>
        <source>&apos;%1&apos; is the database itself; choose a backup file.</source>
        <translation>«%1» — это сама база; выберите файл резервной копии.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="624"/>
        <source>&apos;%1&apos; was not restored: the current database could not be saved aside into &apos;%2&apos; first, and it was not changed.</source>
        <translation>«%1» не восстановлена: текущую базу не удалось сначала отложить в «%2»; она не изменена.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="628"/>
        <source>&apos;%1&apos; could not be moved aside, and moving it back failed too: rename &apos;%2&apos; (and its -wal, -shm, -journal files, if any) back to &apos;%1&apos; before opening it again.</source>
        <translation>«%1» не удалось отложить, и вернуть его обратно тоже не удалось: переименуйте «%2» (и его файлы -wal, -shm, -journal, если есть) обратно в «%1», прежде чем открывать снова.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="632"/>
        <source>integrity: %1</source>
        <translation>целостность: %1</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="633"/>
        <source>the file has no Lavka schema version: this is not a Lavka database</source>
        <translation>в файле нет версии схемы Лавки: это не база Лавки</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="636"/>
        <source>the file was written by a newer Lavka (schema %1); update Lavka to check it</source>
        <translation>файл записан более новой Лавкой (схема %1); обновите Лавку, чтобы его проверить</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="639"/>
        <source>%1 row %2 points to a missing %3 row</source>
        <translation>строка %2 в %1 ссылается на отсутствующую запись %3</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="640"/>
        <source>table &apos;%1&apos; is missing: this is not a Lavka database</source>
        <translation>нет таблицы «%1»: это не база Лавки</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="643"/>
        <source>order #%1: stored totals differ from its lines</source>
        <translation>заказ № %1: сохранённые итоги не совпадают с его строками</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="646"/>
        <source>line #%1: its FIFO cost differs from the purchases it was taken from</source>
        <translation>строка № %1: её себестоимость по FIFO не совпадает с закупками, из которых она взята</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="649"/>
        <source>write-off #%1: its FIFO cost differs from the purchases it was taken from</source>
        <translation>списание № %1: его себестоимость по FIFO не совпадает с закупками, из которых оно взято</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="652"/>
        <source>SQLite: %1</source>
        <translation>SQLite: %1</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="653"/>
        <source>Product #%1 does not exist (any more).</source>
        <translation>Товара № %1 нет (больше нет).</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="654"/>
        <source>A text in row %2 of &apos;%1&apos; is too long for a workbook, even continued over every column a sheet has. Export it to CSV instead.</source>
        <translation>Текст в строке %2 таблицы «%1» слишком длинный для книги даже с продолжением во всех столбцах листа. Выгрузите в CSV.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="658"/>
        <source>&apos;%1&apos; has more than %2 rows, more than a spreadsheet can hold. Export it to CSV instead.</source>
        <translation>В «%1» больше %2 строк — больше, чем вмещает лист. Выгрузите в CSV.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="662"/>
        <source>&apos;%1&apos; cannot be imported: its text is neither UTF-8 nor Windows-1251 (cp1251).</source>
        <translation>«%1» нельзя импортировать: текст не в UTF-8 и не в Windows-1251 (cp1251).</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="665"/>
        <source>&apos;%1&apos; cannot be imported: its rows are in two different encodings: row %2 is UTF-8, row %3 is not (Windows-1251?). Save the whole file in one encoding (CSV UTF-8) and import it again.</source>
        <translation>«%1» нельзя импортировать: строки в двух разных кодировках — строка %2 в UTF-8, строка %3 нет (Windows-1251?). Сохраните весь файл в одной кодировке (CSV UTF-8) и импортируйте снова.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="669"/>
        <source>&apos;%1&apos; cannot be imported: it is not a text file (it contains NUL characters).</source>
        <translation>«%1» нельзя импортировать: это не текстовый файл (в нём есть символы NUL).</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="672"/>
        <source>&apos;%1&apos; cannot be imported: row %2 cannot be read as CSV (%3).</source>
        <translation>«%1» нельзя импортировать: строку %2 не прочитать как CSV (%3).</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="675"/>
        <source>&apos;%1&apos; cannot be imported: its text is no longer valid %2 (the file changed while it was read).</source>
        <translation>«%1» нельзя импортировать: текст больше не в кодировке %2 (файл изменился во время чтения).</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="679"/>
        <source>&apos;%1&apos; cannot be imported: it has more than %2 rows, the most Lavka imports at once; split it into smaller files.</source>
        <translation>«%1» нельзя импортировать: в нём больше %2 строк — больше, чем Лавка импортирует за раз; разделите его на файлы поменьше.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="683"/>
        <source>&apos;%1&apos; cannot be imported: sheet &apos;%2&apos; has more than %3 rows, the most Lavka imports at once; split it into smaller files.</source>
        <translation>«%1» нельзя импортировать: на листе «%2» больше %3 строк — больше, чем Лавка импортирует за раз; разделите его на файлы поменьше.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="687"/>
        <source>&apos;%1&apos; cannot be imported: it is a folder without CSV files.</source>
        <translation>«%1» нельзя импортировать: это папка без файлов CSV.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="690"/>
        <source>&apos;%1&apos; cannot be imported: it has nothing to import: every sheet is empty.</source>
        <translation>«%1» нельзя импортировать: импортировать нечего — все листы пусты.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="693"/>
        <source>&apos;%1&apos; cannot be imported: it is %2 MB, larger than the %3 MB Lavka imports from one file.</source>
        <translation>«%1» нельзя импортировать: он занимает %2 МБ, больше %3 МБ, которые Лавка импортирует из одного файла.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="697"/>
        <source>&apos;%1&apos; cannot be imported: it is a password-protected workbook or an old Excel 97-2003 (.xls) file; open it in Excel and save it as .xlsx without a password.</source>
        <translation>«%1» нельзя импортировать: это книга с паролем или старый файл Excel 97-2003 (.xls); откройте его в Excel и сохраните как .xlsx без пароля.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="701"/>
        <source>&apos;%1&apos; cannot be imported: it is not an XLSX workbook or a CSV file.</source>
        <translation>«%1» нельзя импортировать: это не книга XLSX и не файл CSV.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="704"/>
        <source>&apos;%1&apos; cannot be imported: the workbook is damaged or not a real XLSX: it holds %2 files.</source>
        <translation>«%1» нельзя импортировать: книга повреждена или это не настоящий XLSX — в ней %2 файлов.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="708"/>
        <source>&apos;%1&apos; cannot be imported: the workbook is damaged or not a real XLSX (%2).</source>
        <translation>«%1» нельзя импортировать: книга повреждена или это не настоящий XLSX (%2).</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="711"/>
        <source>&apos;%1&apos; cannot be imported: the workbook is encrypted; save it without a password.</source>
        <translation>«%1» нельзя импортировать: книга зашифрована; сохраните её без пароля.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="715"/>
        <source>&apos;%1&apos; cannot be imported: the workbook is damaged or not a real XLSX: it is a ZIP archive without xl/workbook.xml.</source>
        <translation>«%1» нельзя импортировать: книга повреждена или это не настоящий XLSX — это ZIP-архив без xl/workbook.xml.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="719"/>
        <source>&apos;%1&apos; cannot be imported: it would unpack to %2 MB, more than the %3 MB Lavka accepts (possibly a zip bomb).</source>
        <translation>«%1» нельзя импортировать: в распакованном виде он займёт %2 МБ, больше допустимых %3 МБ (возможно, «zip-бомба»).</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="723"/>
        <source>&apos;%1&apos; cannot be imported: its table of texts would unpack to %2 MB, more than the %3 MB Lavka reads (a sales log needs a few MB).</source>
        <translation>«%1» нельзя импортировать: его таблица текстов займёт %2 МБ, больше %3 МБ, которые читает Лавка (журналу продаж хватает нескольких МБ).</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="727"/>
        <source>&apos;%1&apos; cannot be imported: its part &apos;%2&apos; is compressed %3 times, more than the %4 Lavka accepts (a zip bomb).</source>
        <translation>«%1» нельзя импортировать: его часть «%2» сжата в %3 раз, больше допустимых %4 («zip-бомба»).</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="731"/>
        <source>&apos;%1&apos; cannot be imported: XLSX files cannot be read safely: defusedxml is not installed.</source>
        <translation>«%1» нельзя импортировать: файлы XLSX нельзя безопасно прочитать — не установлен defusedxml.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="735"/>
        <source>&apos;%1&apos; cannot be imported: the workbook&apos;s XML declares entities or external references, which Lavka never reads (a &apos;billion laughs&apos; file?).</source>
        <translation>«%1» нельзя импортировать: XML книги объявляет сущности или внешние ссылки, которые Лавка никогда не читает (файл «billion laughs»?).</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="739"/>
        <source>&apos;%1&apos; cannot be imported: row %2 of sheet &apos;%3&apos; has a cell of more than %4 characters, the most a spreadsheet cell holds.</source>
        <translation>«%1» нельзя импортировать: в строке %2 листа «%3» есть ячейка длиннее %4 знаков — больше, чем вмещает ячейка.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="743"/>
        <source>Cancelled; nothing was written.</source>
        <translation>Отменено; ничего не записано.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="744"/>
        <source>&apos;%1&apos; cannot be opened as a Lavka database: it is damaged (%2). Lavka did not change it.</source>
        <translation>«%1» не открыть как базу Лавки: файл повреждён (%2). Лавка его не меняла.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="748"/>
        <location filename="../../services/messages.py" line="784"/>
        <source>%1 is required.</source>
        <translation>Укажите поле «%1».</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="749"/>
        <source>%1 &apos;%2&apos; is not a whole number.</source>
        <translation>%1 «%2» — не целое число.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="750"/>
        <source>%1 %2 is also in row %3.</source>
        <translation>%1 %2 есть и в строке %3.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="751"/>
        <source>Phone %1 is also in row %2.</source>
        <translation>Телефон %1 есть и в строке %2.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="752"/>
        <source>Contact ID %1 was rejected.</source>
        <translation>Клиент с Contact ID %1 отклонён.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="753"/>
        <source>Contact ID %1 is not in the Contacts sheet.</source>
        <translation>Contact ID %1 нет на листе Contacts.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="756"/>
        <source>Order ID %1 is not in the Orders sheet.</source>
        <translation>Order ID %1 нет на листе Orders.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="759"/>
        <source>Skipped with %1 row %2 (its line).</source>
        <translation>Пропущена вместе со строкой %2 листа %1 (её строка заказа).</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="760"/>
        <source>Skipped with %1 row %2 (its order).</source>
        <translation>Пропущена вместе со строкой %2 листа %1 (её заказ).</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="761"/>
        <source>Product &apos;%1&apos; is listed twice.</source>
        <translation>Товар «%1» указан дважды.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="762"/>
        <source>%1 &apos;%2&apos; is unclear: write %3 for thousands or %4 with two decimals.</source>
        <translation>%1 «%2» — неоднозначно: напишите %3 для тысяч или %4 с двумя знаками после запятой.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="765"/>
        <source>%1 &apos;%2&apos; is not a number.</source>
        <translation>%1 «%2» — не число.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="766"/>
        <source>%1 &apos;%2&apos; is too large.</source>
        <translation>%1 «%2» — слишком большое число.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="767"/>
        <source>%1 must not be negative (got %2).</source>
        <translation>%1 не может быть отрицательной (указано %2).</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="768"/>
        <source>%1 &apos;%2&apos; is too large (at most %3).</source>
        <translation>%1 «%2» — слишком много (не больше %3).</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="769"/>
        <source>%1 &apos;%2&apos; has more than two digits after the point.</source>
        <translation>%1 «%2»: больше двух знаков после запятой.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="772"/>
        <source>Quantity &apos;%1&apos; is not a whole number.</source>
        <translation>Количество «%1» — не целое число.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="773"/>
        <source>Quantity must be at least 1 (got %1).</source>
        <translation>Количество должно быть не меньше 1 (указано %1).</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="774"/>
        <source>Quantity %1 is too large (at most %2).</source>
        <translation>Количество %1 слишком велико (не больше %2).</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="775"/>
        <source>%1 of this line (%2) is more than an order may hold (%3).</source>
        <translation>%1 этой строки (%2) больше, чем может быть в заказе (%3).</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="778"/>
        <source>%1 of the order (%2) is more than an order may hold (%3).</source>
        <translation>%1 заказа (%2) больше, чем может быть в заказе (%3).</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="781"/>
        <source>Date &apos;%1&apos; is outside the dates Lavka keeps (%2 to %3).</source>
        <translation>Дата «%1» вне дат, которые хранит Лавка (с %2 по %3).</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="785"/>
        <source>%1 is longer than %2 characters (%3).</source>
        <translation>Поле «%1» длиннее %2 знаков (%3).</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="786"/>
        <source>%1 contains an invisible control character (%3) at position %2; remove it.</source>
        <translation>В поле «%1» есть невидимый управляющий символ (%3) в позиции %2; удалите его.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="789"/>
        <source>Phone &apos;%1&apos; is not a phone number.</source>
        <translation>Телефон «%1» — не номер телефона.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="790"/>
        <source>Phone &apos;%1&apos; is not a valid number: it is too short.</source>
        <translation>Телефон «%1» — неверный номер: слишком короткий.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="793"/>
        <source>Phone &apos;%1&apos; is not a valid number: it is too long.</source>
        <translation>Телефон «%1» — неверный номер: слишком длинный.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="796"/>
        <source>Phone &apos;%1&apos; is not a valid number: the country code is unknown.</source>
        <translation>Телефон «%1» — неверный номер: неизвестный код страны.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="799"/>
        <source>Phone &apos;%1&apos; is not a valid number: it has the wrong number of digits.</source>
        <translation>Телефон «%1» — неверный номер: неверное количество цифр.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="802"/>
        <source>Phone &apos;%1&apos; is not a valid number: no such number is in use in that country.</source>
        <translation>Телефон «%1» — неверный номер: таких номеров в этой стране нет.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="805"/>
        <source>Phone &apos;%1&apos; has an extension longer than %2 digits.</source>
        <translation>У телефона «%1» добавочный номер длиннее %2 цифр.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="811"/>
        <source>Channel #%1 does not exist.</source>
        <translation>Канала № %1 нет.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="812"/>
        <source>A product named &apos;%1&apos; already exists.</source>
        <translation>Товар с названием «%1» уже есть.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="813"/>
        <source>An order needs a contact.</source>
        <translation>В заказе должен быть клиент.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="814"/>
        <source>An order needs at least one shipment line.</source>
        <translation>В заказе должна быть хотя бы одна строка отгрузки.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="817"/>
        <source>Choose a product.</source>
        <translation>Выберите товар.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="818"/>
        <source>Say why the order is &apos;%1&apos;: choose a loss reason.</source>
        <translation>Укажите, почему заказ «%1»: выберите причину.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="821"/>
        <source>Order #%1 does not exist.</source>
        <translation>Заказа № %1 нет.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="822"/>
        <source>Shipment #%1 is listed twice.</source>
        <translation>Отгрузка № %1 указана дважды.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="823"/>
        <source>Shipment #%1 is not a line of this order.</source>
        <translation>Отгрузка № %1 — не строка этого заказа.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="826"/>
        <source>Shipment #%1 does not exist.</source>
        <translation>Отгрузки № %1 нет.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="827"/>
        <source>Order status #%1 does not exist.</source>
        <translation>Статуса заказа № %1 нет.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="828"/>
        <source>Loss reason #%1 does not exist.</source>
        <translation>Причины отказа № %1 нет.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="829"/>
        <source>%1 of a payment must be more than 0 (got %2).</source>
        <translation>%1 оплаты должна быть больше 0 (указано %2).</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="832"/>
        <source>A payment cannot be dated %1: that is more than a day ahead.</source>
        <translation>Оплату нельзя датировать %1: это больше чем на день вперёд.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="835"/>
        <source>Order #%1 is cancelled: it takes no new payments.</source>
        <translation>Заказ № %1 отменён: новые оплаты по нему не принимаются.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="838"/>
        <source>Unknown payment method &apos;%1&apos;: use cash, card, transfer or other.</source>
        <translation>Неизвестный способ оплаты «%1»: наличные, карта, перевод или другое.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="841"/>
        <source>Payment #%1 does not exist.</source>
        <translation>Оплаты № %1 нет.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="842"/>
        <source>Payment terms must be a whole number of days from 0 to %2 (got &apos;%1&apos;).</source>
        <translation>Отсрочка оплаты — целое число дней от 0 до %2 (указано «%1»).</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="845"/>
        <source>%1 must be a whole number from %3 to %4 (got &apos;%2&apos;).</source>
        <translation>%1: нужно целое число от %3 до %4 (введено «%2»).</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="848"/>
        <source>The first age band must start at day 0.</source>
        <translation>Первый интервал возраста должен начинаться с дня 0.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="851"/>
        <source>An age band must start after the one above it: day %1 is not after day %2.</source>
        <translation>Интервал возраста должен начинаться позже предыдущего: день %1 не позже дня %2.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="854"/>
        <source>The threshold of class %1 must be more than 0.</source>
        <translation>Порог класса %1 должен быть больше 0.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="857"/>
        <source>The threshold of class %1 must be lower than that of class %2.</source>
        <translation>Порог класса %1 должен быть ниже порога класса %2.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="860"/>
        <source>Only an open order may go without lines (with an expected amount); add what was sold.</source>
        <translation>Без строк (с ожидаемой суммой) может быть только открытый заказ; добавьте проданные товары.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="864"/>
        <source>Purchase #%1 does not exist (any more).</source>
        <translation>Закупки № %1 нет (больше нет).</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="865"/>
        <source>Add at least one line: which product, how many, at what cost.</source>
        <translation>Добавьте хотя бы одну строку: какой товар, сколько и по какой цене.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="868"/>
        <source>Line #%1 is not a line of this purchase.</source>
        <translation>Строка № %1 не относится к этой закупке.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="871"/>
        <source>Supplier #%1 does not exist (any more).</source>
        <translation>Поставщика № %1 нет (больше нет).</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="874"/>
        <source>Stock adjustment #%1 does not exist (any more).</source>
        <translation>Корректировки остатка № %1 нет (больше нет).</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="877"/>
        <source>Say why the stock changes (a recount, damaged goods, a gift…).</source>
        <translation>Укажите причину изменения остатка (пересчёт, брак, подарок…).</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="880"/>
        <source>Enter how many units are added (12) or taken away (-3); 0 changes nothing.</source>
        <translation>Укажите, сколько штук добавить (12) или списать (-3); 0 ничего не меняет.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="883"/>
        <source>Unknown kind of adjustment &apos;%1&apos;: use count or write_off.</source>
        <translation>Неизвестный вид корректировки «%1»: используйте count или write_off.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="886"/>
        <source>Expense #%1 does not exist (any more).</source>
        <translation>Расхода № %1 нет (больше нет).</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="887"/>
        <source>%1 of an expense must be more than 0 (got %2).</source>
        <translation>%1 расхода должна быть больше 0 (указано: %2).</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="890"/>
        <source>Unknown expense category &apos;%1&apos;: use ads, delivery, packaging, fees or other.</source>
        <translation>Неизвестная статья расходов «%1»: используйте ads, delivery, packaging, fees или other.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="893"/>
        <source>Only an ad expense names a channel; choose the category Ads or no channel.</source>
        <translation>Канал указывается только у расходов на рекламу: выберите статью «Реклама» или уберите канал.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="896"/>
        <source>The minimum stock is a whole number of units, 0 or more (got &apos;%1&apos;).</source>
        <translation>Минимальный остаток — целое число штук, 0 или больше (указано: «%1»).</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="899"/>
        <source>History entry #%1 does not exist (any more).</source>
        <translation>Записи истории № %1 нет (больше нет).</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="902"/>
        <source>History entry #%1 is not a deleted order or contact.</source>
        <translation>Запись истории № %1 — не удалённый заказ и не удалённый контакт.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="905"/>
        <source>Keep the details of changes for 0 to %1 months (0: for ever).</source>
        <translation>Подробности изменений хранятся от 0 до %1 месяцев (0 — всегда).</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="908"/>
        <source>“%1” has already been undone.</source>
        <translation>«%1» уже отменено.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="909"/>
        <source>“%1” cannot be undone: its details were compacted (Settings → History keeps them for a set time).</source>
        <translation>«%1» нельзя отменить: подробности изменения уже сжаты (Настройки → История: сколько их хранить).</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="914"/>
        <source>“%1” cannot be undone: the same records were changed later by “%2” (%3). Undo that change first. Nothing was changed.</source>
        <translation>«%1» нельзя отменить: те же записи позже изменило действие «%2» (%3). Сначала отмените его. Ничего не изменено.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="919"/>
        <source>“%1” cannot be undone: a record it made or changed has been deleted since. Nothing was changed.</source>
        <translation>«%1» нельзя отменить: запись, которую оно создало или изменило, с тех пор удалена. Ничего не изменено.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="924"/>
        <source>“%1” cannot be undone: its records were changed since outside the history. Nothing was changed.</source>
        <translation>«%1» нельзя отменить: его записи с тех пор изменены в обход истории. Ничего не изменено.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="929"/>
        <source>“%1” cannot be undone: a later record (%2) has a name or number it would bring back. Change or delete that record first. Nothing was changed.</source>
        <translation>«%1» нельзя отменить: более поздняя запись (%2) уже носит имя или номер, которые отмена вернула бы. Сначала измените или удалите ту запись. Ничего не изменено.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="934"/>
        <source>“%1” cannot be undone: later records depend on it (%2). Delete or undo them first. Nothing was changed.</source>
        <translation>«%1» нельзя отменить: от него зависят более поздние записи (%2). Сначала удалите или отмените их. Ничего не изменено.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="944"/>
        <source>Changes</source>
        <translation>Изменения</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="945"/>
        <source>Undo: %1</source>
        <translation>Отмена: %1</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="946"/>
        <source>Redo: %1</source>
        <translation>Повтор: %1</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="947"/>
        <source>New contact %1</source>
        <translation>Новый контакт %1</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="948"/>
        <source>Contact %1 edited</source>
        <translation>Контакт %1 изменён</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="949"/>
        <source>Contact %1 deleted</source>
        <translation>Контакт %1 удалён</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="950"/>
        <source>Contact %1 archived</source>
        <translation>Контакт %1 в архиве</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="951"/>
        <source>Contact %1 back from the archive</source>
        <translation>Контакт %1 возвращён из архива</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="952"/>
        <source>Contact %1: payment terms %2 days</source>
        <translation>Контакт %1: отсрочка оплаты %2 дн.</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="953"/>
        <source>Contact %1: note</source>
        <translation>Контакт %1: заметка</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="954"/>
        <source>Contact %1: reminder put off to %2</source>
        <translation>Контакт %1: напоминание отложено до %2</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="955"/>
        <source>Contact %1: not interested until the next purchase</source>
        <translation>Контакт %1: не интересно до следующей покупки</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="958"/>
        <source>Contact %1: remind again</source>
        <translation>Контакт %1: снова напоминать</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="959"/>
        <source>Contact %1 merged into %2</source>
        <translation>Контакт %1 объединён с %2</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="960"/>
        <source>Order No. %1 created</source>
        <translation>Заказ № %1 создан</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="961"/>
        <source>Order No. %1 edited</source>
        <translation>Заказ № %1 изменён</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="962"/>
        <source>Order No. %1: status %2 → %3</source>
        <translation>Заказ № %1: статус %2 → %3</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="963"/>
        <source>Order No. %1 deleted</source>
        <translation>Заказ № %1 удалён</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="964"/>
        <source>Order No. %1: move shipment to %2</source>
        <translation>Заказ № %1: отгрузка перенесена на %2</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="967"/>
        <source>Order No. %1: payment due %2</source>
        <translation>Заказ № %1: оплатить до %2</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="968"/>
        <source>Order No. %1: payment due by the contact&apos;s terms</source>
        <translation>Заказ № %1: срок оплаты по отсрочке контакта</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="971"/>
        <source>Order No. %1: follow-up done</source>
        <translation>Заказ № %1: обратная связь получена</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="972"/>
        <source>Order No. %1: follow-up dismissed</source>
        <translation>Заказ № %1: обратная связь не нужна</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="975"/>
        <source>Order No. %1: payment %2</source>
        <translation>Заказ № %1: оплата %2</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="976"/>
        <source>Order No. %1: payment %2 deleted</source>
        <translation>Заказ № %1: оплата %2 удалена</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="977"/>
        <source>Order No. %1: invoice No. %2 of %3</source>
        <translation>Заказ № %1: счёт № %2 от %3</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="978"/>
        <source>Order No. %1: delivery note No. %2 of %3</source>
        <translation>Заказ № %1: накладная № %2 от %3</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="981"/>
        <source>Order No. %1: sales receipt No. %2 of %3</source>
        <translation>Заказ № %1: товарный чек № %2 от %3</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="984"/>
        <source>New product %1</source>
        <translation>Новый товар %1</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="985"/>
        <source>Product %1 edited</source>
        <translation>Товар %1 изменён</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="986"/>
        <source>Product %1: minimum stock %2</source>
        <translation>Товар %1: минимальный остаток %2</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="987"/>
        <source>Product %1: no minimum stock</source>
        <translation>Товар %1: без минимального остатка</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="990"/>
        <source>Stock of %1: %2 (%3)</source>
        <translation>Остаток %1: %2 (%3)</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="991"/>
        <source>Stock of %1: adjustment %2 deleted</source>
        <translation>Остаток %1: корректировка %2 удалена</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="994"/>
        <source>Stock counted</source>
        <translation>Себестоимость пересчитана</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="995"/>
        <source>New purchase of %1</source>
        <translation>Новая закупка от %1</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="996"/>
        <source>Purchase of %1 edited</source>
        <translation>Закупка от %1 изменена</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="997"/>
        <source>Purchase of %1 deleted</source>
        <translation>Закупка от %1 удалена</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="998"/>
        <source>Expense of %1: %2</source>
        <translation>Расход от %1: %2</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="999"/>
        <source>Expense of %1 deleted: %2</source>
        <translation>Расход от %1 удалён: %2</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="1000"/>
        <source>New task “%1”</source>
        <translation>Новая задача «%1»</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="1001"/>
        <source>Task “%1” edited</source>
        <translation>Задача «%1» изменена</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="1002"/>
        <source>Task “%1” deleted</source>
        <translation>Задача «%1» удалена</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="1003"/>
        <source>Task “%1” moved to %2</source>
        <translation>Задача «%1» перенесена на %2</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="1004"/>
        <source>Task “%1” done</source>
        <translation>Задача «%1» выполнена</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="1005"/>
        <source>Task “%1” not done</source>
        <translation>Задача «%1» снова не выполнена</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="1006"/>
        <source>New tag %1</source>
        <translation>Новая метка %1</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="1007"/>
        <source>Tag %1 edited</source>
        <translation>Метка %1 изменена</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="1008"/>
        <source>Tag %1 deleted</source>
        <translation>Метка %1 удалена</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="1009"/>
        <source>Tags edited</source>
        <translation>Метки изменены</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="1010"/>
        <source>Order statuses edited</source>
        <translation>Статусы заказов изменены</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="1011"/>
        <source>Channels edited</source>
        <translation>Каналы изменены</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="1012"/>
        <source>Loss reasons edited</source>
        <translation>Причины отказа изменены</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="1013"/>
        <source>Import of %1: %2 records</source>
        <translation>Импорт %1: записей — %2</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="1014"/>
        <source>Import: %1 records</source>
        <translation>Импорт: записей — %1</translation>
    </message>
    <message>
        <location filename="../../services/messages.py" line="1015"/>
        <source>Demo business created</source>
        <translation>Создан демо-магазин</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="44"/>
        <source>Line %1: %2</source>
        <translation>Строка %1: %2</translation>
    </message>
</context>
<context>
    <name>MonthModel</name>
    <message numerus="yes">
        <location filename="../../ui/calendar/models.py" line="168"/>
        <source>%n shipment(s)</source>
        <translation>
            <numerusform>%n отгрузка</numerusform>
            <numerusform>%n отгрузки</numerusform>
            <numerusform>%n отгрузок</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/calendar/models.py" line="174"/>
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n задача</numerusform>
            <numerusform>%n задачи</numerusform>
            <numerusform>%n задач</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NewContactDialog</name>
    <message>
        <location filename="../../ui/contacts/dialogs.py" line="20"/>
        <source>New contact</source>
        <translation>Новый клиент</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/dialogs.py" line="32"/>
        <source>Name:</source>
        <translation>Имя:</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/dialogs.py" line="33"/>
        <source>Phone:</source>
        <translation>Телефон:</translation>
    </message>
</context>
<context>
    <name>NewUserDialog</name>
    <message>
        <location filename="../../ui/settings_dialog/users.py" line="40"/>
        <source>New user</source>
        <translation>Новый пользователь</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/users.py" line="53"/>
        <source>The name is what they log in with: small Latin letters, digits and _. A manager works with contacts, orders, tasks and documents but sees no cost, profit or purchase price and deletes no card or order; a viewer only reads.</source>
        <translation>Под этим именем человек входит в базу: строчные латинские буквы, цифры и _. Менеджер работает с клиентами, заказами, задачами и документами, но не видит себестоимости, прибыли и закупочных цен и не удаляет карточки и заказы; наблюдатель только смотрит.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/users.py" line="67"/>
        <source>Name:</source>
        <translation>Имя:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/users.py" line="68"/>
        <source>Password:</source>
        <translation>Пароль:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/users.py" line="69"/>
        <source>Password again:</source>
        <translation>Пароль ещё раз:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/users.py" line="70"/>
        <source>Role:</source>
        <translation>Роль:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/users.py" line="76"/>
        <source>The two passwords differ; type the same one twice.</source>
        <translation>Пароли не совпадают; введите один и тот же дважды.</translation>
    </message>
</context>
<context>
    <name>Operation</name>
    <message>
        <location filename="../../ui/operation.py" line="204"/>
        <source>Lavka</source>
        <translation>Лавка</translation>
    </message>
</context>
<context>
    <name>OrderDocuments</name>
    <message>
        <location filename="../../ui/documents/menu.py" line="42"/>
        <source>No document made</source>
        <translation>Документ не создан</translation>
    </message>
    <message>
        <location filename="../../ui/documents/menu.py" line="47"/>
        <source>Open Settings…</source>
        <translation>Открыть настройки…</translation>
    </message>
    <message>
        <location filename="../../ui/documents/menu.py" line="209"/>
        <location filename="../../ui/documents/menu.py" line="228"/>
        <source>Documents</source>
        <translation>Документы</translation>
    </message>
    <message>
        <location filename="../../ui/documents/menu.py" line="215"/>
        <source>Invoice, delivery note or sales receipt of the order</source>
        <translation>Счёт, товарная накладная или товарный чек по заказу</translation>
    </message>
</context>
<context>
    <name>OrderEditor</name>
    <message>
        <location filename="../../ui/orders/questions.py" line="34"/>
        <source>Save the order</source>
        <translation>Сохранение заказа</translation>
    </message>
    <message>
        <location filename="../../ui/orders/questions.py" line="35"/>
        <source>A document is made from the saved order. Save the order now?</source>
        <translation>Документ составляется по сохранённому заказу. Сохранить заказ сейчас?</translation>
    </message>
    <message>
        <location filename="../../ui/orders/editor.py" line="120"/>
        <source>New order</source>
        <translation>Новый заказ</translation>
    </message>
    <message>
        <location filename="../../ui/orders/editor.py" line="146"/>
        <source>What the deal is expected to bring while it has no lines; its value in the forecast</source>
        <translation>Сколько сделка должна принести, пока в ней нет строк; по этой сумме считается её ценность в прогнозе</translation>
    </message>
    <message>
        <location filename="../../ui/orders/editor.py" line="161"/>
        <source>Who placed the order for the company</source>
        <translation>Кто сделал заказ от имени компании</translation>
    </message>
    <message>
        <location filename="../../ui/orders/editor.py" line="166"/>
        <source>Date:</source>
        <translation>Дата:</translation>
    </message>
    <message>
        <location filename="../../ui/orders/editor.py" line="167"/>
        <source>Contact:</source>
        <translation>Клиент:</translation>
    </message>
    <message>
        <location filename="../../ui/orders/editor.py" line="168"/>
        <source>Ordered by:</source>
        <translation>Заказал:</translation>
    </message>
    <message>
        <location filename="../../ui/orders/editor.py" line="169"/>
        <source>Status:</source>
        <translation>Статус:</translation>
    </message>
    <message>
        <location filename="../../ui/orders/editor.py" line="170"/>
        <source>Channel:</source>
        <translation>Канал:</translation>
    </message>
    <message>
        <location filename="../../ui/orders/editor.py" line="171"/>
        <source>Expected amount:</source>
        <translation>Ожидаемая сумма:</translation>
    </message>
    <message>
        <location filename="../../ui/orders/editor.py" line="175"/>
        <source>Comment:</source>
        <translation>Комментарий:</translation>
    </message>
    <message>
        <location filename="../../ui/orders/editor.py" line="200"/>
        <source>Add line</source>
        <translation>Добавить строку</translation>
    </message>
    <message>
        <location filename="../../ui/orders/editor.py" line="201"/>
        <source>Duplicate line</source>
        <translation>Дублировать строку</translation>
    </message>
    <message>
        <location filename="../../ui/orders/editor.py" line="202"/>
        <source>Remove line</source>
        <translation>Удалить строку</translation>
    </message>
    <message>
        <location filename="../../ui/orders/editor.py" line="218"/>
        <source>Amount:</source>
        <translation>Сумма:</translation>
    </message>
    <message>
        <location filename="../../ui/orders/editor.py" line="219"/>
        <source>Cost:</source>
        <translation>Себестоимость:</translation>
    </message>
    <message>
        <location filename="../../ui/orders/editor.py" line="220"/>
        <source>Profit:</source>
        <translation>Прибыль:</translation>
    </message>
    <message>
        <location filename="../../ui/orders/editor.py" line="221"/>
        <source>Margin:</source>
        <translation>Маржа:</translation>
    </message>
    <message>
        <location filename="../../ui/orders/editor.py" line="240"/>
        <source>New task…</source>
        <translation>Новая задача…</translation>
    </message>
    <message>
        <location filename="../../ui/orders/editor.py" line="245"/>
        <source>Delete order…</source>
        <translation>Удалить заказ…</translation>
    </message>
    <message>
        <location filename="../../ui/orders/editor.py" line="248"/>
        <source>Remove the order with its lines and payments (a lost deal is cancelled)</source>
        <translation>Удалить заказ со строками и оплатами (сорвавшуюся сделку лучше отменить)</translation>
    </message>
    <message>
        <location filename="../../ui/orders/editor.py" line="289"/>
        <source>Shipments</source>
        <translation>Отгрузки</translation>
    </message>
    <message>
        <location filename="../../ui/orders/editor.py" line="290"/>
        <source>Payments</source>
        <translation>Оплаты</translation>
    </message>
    <message>
        <location filename="../../ui/orders/editor.py" line="291"/>
        <source>Documents</source>
        <translation>Документы</translation>
    </message>
    <message>
        <location filename="../../ui/orders/editor.py" line="295"/>
        <source>History</source>
        <translation>История</translation>
    </message>
    <message>
        <location filename="../../ui/orders/editor.py" line="298"/>
        <source>Save the order first: then it can take payments.</source>
        <translation>Сначала сохраните заказ: после этого можно записывать оплаты.</translation>
    </message>
    <message>
        <location filename="../../ui/orders/editor.py" line="301"/>
        <source>The documents issued for the order, once it is saved</source>
        <translation>Документы, выпущенные по заказу (после его сохранения)</translation>
    </message>
    <message>
        <location filename="../../ui/orders/editor.py" line="334"/>
        <source>Order No. %1</source>
        <translation>Заказ № %1</translation>
    </message>
    <message>
        <location filename="../../ui/orders/editor.py" line="431"/>
        <location filename="../../ui/orders/editor.py" line="759"/>
        <source>Fix the marked cells first.</source>
        <translation>Сначала исправьте отмеченные ячейки.</translation>
    </message>
    <message>
        <location filename="../../ui/orders/editor.py" line="462"/>
        <source>No. %1</source>
        <translation>№ %1</translation>
    </message>
    <message>
        <location filename="../../ui/orders/editor.py" line="470"/>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <location filename="../../ui/orders/editor.py" line="472"/>
        <source>Contact</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <location filename="../../ui/orders/editor.py" line="482"/>
        <source>Ordered by</source>
        <translation>Заказал</translation>
    </message>
    <message>
        <location filename="../../ui/orders/editor.py" line="490"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../ui/orders/editor.py" line="502"/>
        <source>Loss reason</source>
        <translation>Причина отказа</translation>
    </message>
    <message>
        <location filename="../../ui/orders/editor.py" line="509"/>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <location filename="../../ui/orders/editor.py" line="519"/>
        <source>Expected amount</source>
        <translation>Ожидаемая сумма</translation>
    </message>
    <message>
        <location filename="../../ui/orders/editor.py" line="526"/>
        <source>Comment</source>
        <translation>Комментарий</translation>
    </message>
    <message>
        <location filename="../../ui/orders/editor.py" line="538"/>
        <source>Lines</source>
        <translation>Строки</translation>
    </message>
    <message>
        <location filename="../../ui/orders/editor.py" line="549"/>
        <source>lines: %1, %2</source>
        <translation>строк: %1, %2</translation>
    </message>
    <message>
        <location filename="../../ui/orders/editor.py" line="621"/>
        <source>Deal: %1 · %2 · class %3</source>
        <translation>Сделка: %1 · %2 · класс %3</translation>
    </message>
    <message>
        <location filename="../../ui/orders/editor.py" line="630"/>
        <source>The deal&apos;s probability, value (probability × amount) and class today, as the order was saved</source>
        <translation>Вероятность сделки, её ценность (вероятность × сумма) и класс на сегодня — по сохранённому заказу</translation>
    </message>
    <message>
        <location filename="../../ui/orders/editor.py" line="634"/>
        <source>Slid down: the deal had class A or B</source>
        <translation>Сползла вниз: у сделки был класс A или B</translation>
    </message>
    <message>
        <location filename="../../ui/orders/editor.py" line="644"/>
        <source>Payments · %1</source>
        <translation>Оплаты · %1</translation>
    </message>
    <message>
        <location filename="../../ui/orders/editor.py" line="705"/>
        <source>Only %1 of %2 available, %3 in this order: the units beyond the stock are costed at the last purchase until stock arrives.</source>
        <translation>Доступно только %1 шт. товара «%2», в этом заказе %3: сверх остатка — по цене последней закупки, пока не придёт товар.</translation>
    </message>
    <message>
        <location filename="../../ui/orders/editor.py" line="709"/>
        <source>Only %1 of %2 available, %3 in this order.</source>
        <translation>Доступно только %1 шт. товара «%2», в этом заказе %3.</translation>
    </message>
    <message>
        <location filename="../../ui/orders/editor.py" line="712"/>
        <source>%2 is out of stock, %3 in this order: the line is costed at the last purchase until stock arrives.</source>
        <translation>Товара «%2» нет в наличии, в этом заказе %3: строка считается по цене последней закупки, пока не придёт товар.</translation>
    </message>
    <message>
        <location filename="../../ui/orders/editor.py" line="716"/>
        <source>%2 is out of stock, %3 in this order.</source>
        <translation>Товара «%2» нет в наличии, в этом заказе %3.</translation>
    </message>
</context>
<context>
    <name>OrderPayments</name>
    <message>
        <location filename="../../ui/orders/payments.py" line="84"/>
        <location filename="../../ui/orders/payments.py" line="122"/>
        <source>Delete payment</source>
        <translation>Удалить оплату</translation>
    </message>
    <message>
        <location filename="../../ui/orders/payments.py" line="121"/>
        <source>Payment received…</source>
        <translation>Получена оплата…</translation>
    </message>
    <message>
        <location filename="../../ui/orders/payments.py" line="134"/>
        <source>Paid:</source>
        <translation>Оплачено:</translation>
    </message>
    <message>
        <location filename="../../ui/orders/payments.py" line="135"/>
        <source>Balance:</source>
        <translation>Остаток:</translation>
    </message>
    <message>
        <location filename="../../ui/orders/payments.py" line="145"/>
        <source>Use the contact&apos;s terms</source>
        <translation>По условиям клиента</translation>
    </message>
    <message>
        <location filename="../../ui/orders/payments.py" line="149"/>
        <source>Payment due:</source>
        <translation>Срок оплаты:</translation>
    </message>
    <message>
        <location filename="../../ui/orders/payments.py" line="213"/>
        <source>Delete the payment of %1 of %2?</source>
        <translation>Удалить оплату %1 от %2?</translation>
    </message>
    <message>
        <location filename="../../ui/orders/payments.py" line="270"/>
        <source>own date; by the contact&apos;s terms: %1</source>
        <translation>своя дата; по условиям клиента: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/orders/payments.py" line="274"/>
        <source>by the contact&apos;s terms: the order&apos;s date + %n day(s)</source>
        <translation>
            <numerusform>по условиям клиента: дата заказа + %n день</numerusform>
            <numerusform>по условиям клиента: дата заказа + %n дня</numerusform>
            <numerusform>по условиям клиента: дата заказа + %n дней</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/orders/payments.py" line="278"/>
        <source>%n day(s) overdue</source>
        <translation>
            <numerusform>просрочено на %n день</numerusform>
            <numerusform>просрочено на %n дня</numerusform>
            <numerusform>просрочено на %n дней</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/orders/payments.py" line="283"/>
        <source>A cancelled order takes no payments.</source>
        <translation>Отменённый заказ не принимает оплат.</translation>
    </message>
</context>
<context>
    <name>OrdersTableModel</name>
    <message>
        <location filename="../../ui/orders/columns.py" line="63"/>
        <source>No.</source>
        <translation>№</translation>
    </message>
    <message>
        <location filename="../../ui/orders/columns.py" line="65"/>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <location filename="../../ui/orders/columns.py" line="67"/>
        <source>Contact</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <location filename="../../ui/orders/columns.py" line="69"/>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <location filename="../../ui/orders/columns.py" line="71"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../ui/orders/columns.py" line="73"/>
        <source>Lines</source>
        <translation>Строк</translation>
    </message>
    <message>
        <location filename="../../ui/orders/columns.py" line="75"/>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <location filename="../../ui/orders/columns.py" line="79"/>
        <source>Cost</source>
        <translation>Себестоимость</translation>
    </message>
    <message>
        <location filename="../../ui/orders/columns.py" line="81"/>
        <source>Profit</source>
        <translation>Прибыль</translation>
    </message>
    <message>
        <location filename="../../ui/orders/columns.py" line="83"/>
        <source>Margin</source>
        <translation>Маржа</translation>
    </message>
    <message>
        <location filename="../../ui/orders/columns.py" line="86"/>
        <source>Paid</source>
        <translation>Оплачено</translation>
    </message>
    <message>
        <location filename="../../ui/orders/columns.py" line="89"/>
        <source>Balance</source>
        <translation>Остаток</translation>
    </message>
    <message>
        <location filename="../../ui/orders/columns.py" line="93"/>
        <source>Probability</source>
        <translation>Вероятность</translation>
    </message>
    <message>
        <location filename="../../ui/orders/columns.py" line="96"/>
        <source>The chance an open deal is won: the default, plus its status&apos;s, its channel&apos;s and its age&apos;s modifiers</source>
        <translation>Шанс, что открытая сделка будет выиграна: значение по умолчанию плюс поправки её статуса, канала и возраста</translation>
    </message>
    <message>
        <location filename="../../ui/orders/columns.py" line="99"/>
        <source>Value</source>
        <translation>Ценность</translation>
    </message>
    <message>
        <location filename="../../ui/orders/columns.py" line="101"/>
        <source>Probability × amount (or the expected amount while the order has no lines): the deal&apos;s part of the forecast</source>
        <translation>Вероятность × сумма (или ожидаемая сумма, пока в заказе нет строк): доля сделки в прогнозе</translation>
    </message>
    <message>
        <location filename="../../ui/orders/columns.py" line="104"/>
        <source>Class</source>
        <translation>Класс</translation>
    </message>
    <message>
        <location filename="../../ui/orders/columns.py" line="106"/>
        <source>A to E by the deal&apos;s value; C2: slid down from A or B; F: lost</source>
        <translation>От A до E по ценности сделки; C2 — сползла вниз с A или B; F — проиграна</translation>
    </message>
    <message>
        <location filename="../../ui/orders/columns.py" line="111"/>
        <source>Tags</source>
        <translation>Метки</translation>
    </message>
    <message>
        <location filename="../../ui/orders/columns.py" line="113"/>
        <source>The customer&apos;s tags</source>
        <translation>Метки клиента</translation>
    </message>
    <message>
        <location filename="../../ui/orders/models.py" line="103"/>
        <source>Orders</source>
        <translation>Заказы</translation>
    </message>
    <message>
        <location filename="../../ui/orders/models.py" line="189"/>
        <source>Refund due: %1</source>
        <translation>К возврату: %1</translation>
    </message>
    <message>
        <location filename="../../ui/orders/models.py" line="189"/>
        <source>Overpaid by %1</source>
        <translation>Переплата %1</translation>
    </message>
    <message>
        <location filename="../../ui/orders/models.py" line="192"/>
        <source>Slid down: the deal had class A or B</source>
        <translation>Сползла вниз: у сделки был класс A или B</translation>
    </message>
</context>
<context>
    <name>OrdersView</name>
    <message>
        <location filename="../../ui/orders/view.py" line="108"/>
        <source>The status was not changed</source>
        <translation>Статус не изменён</translation>
    </message>
    <message>
        <location filename="../../ui/orders/view.py" line="140"/>
        <source>All time</source>
        <translation>За всё время</translation>
    </message>
    <message>
        <location filename="../../ui/orders/view.py" line="141"/>
        <source>This month</source>
        <translation>Этот месяц</translation>
    </message>
    <message>
        <location filename="../../ui/orders/view.py" line="142"/>
        <source>Last month</source>
        <translation>Прошлый месяц</translation>
    </message>
    <message>
        <location filename="../../ui/orders/view.py" line="143"/>
        <source>This quarter</source>
        <translation>Этот квартал</translation>
    </message>
    <message>
        <location filename="../../ui/orders/view.py" line="144"/>
        <source>This year</source>
        <translation>Этот год</translation>
    </message>
    <message>
        <location filename="../../ui/orders/view.py" line="145"/>
        <source>Last 12 months</source>
        <translation>Последние 12 месяцев</translation>
    </message>
    <message>
        <location filename="../../ui/orders/view.py" line="146"/>
        <source>Custom…</source>
        <translation>Свой период…</translation>
    </message>
    <message>
        <location filename="../../ui/orders/view.py" line="160"/>
        <source>Name, phone, comment or №number…</source>
        <translation>Имя, телефон, комментарий или №номер…</translation>
    </message>
    <message>
        <location filename="../../ui/orders/view.py" line="164"/>
        <source>None</source>
        <translation>Без группировки</translation>
    </message>
    <message>
        <location filename="../../ui/orders/view.py" line="165"/>
        <source>Contact</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <location filename="../../ui/orders/view.py" line="166"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../ui/orders/view.py" line="167"/>
        <source>Month</source>
        <translation>Месяц</translation>
    </message>
    <message>
        <location filename="../../ui/orders/view.py" line="173"/>
        <source>Show the orders of every contact</source>
        <translation>Показать заказы всех клиентов</translation>
    </message>
    <message>
        <location filename="../../ui/orders/view.py" line="176"/>
        <source>Owes money</source>
        <translation>Есть долг</translation>
    </message>
    <message>
        <location filename="../../ui/orders/view.py" line="177"/>
        <source>Only the orders not fully paid (cancelled ones aside)</source>
        <translation>Только заказы, оплаченные не полностью (кроме отменённых)</translation>
    </message>
    <message>
        <location filename="../../ui/orders/view.py" line="187"/>
        <source>Group by:</source>
        <translation>Группировать:</translation>
    </message>
    <message>
        <location filename="../../ui/orders/view.py" line="224"/>
        <source>Set status</source>
        <translation>Сменить статус</translation>
    </message>
    <message>
        <location filename="../../ui/orders/view.py" line="225"/>
        <source>Open order</source>
        <translation>Открыть заказ</translation>
    </message>
    <message>
        <location filename="../../ui/orders/view.py" line="228"/>
        <source>Payment received…</source>
        <translation>Получена оплата…</translation>
    </message>
    <message>
        <location filename="../../ui/orders/view.py" line="230"/>
        <source>Delete order…</source>
        <translation>Удалить заказ…</translation>
    </message>
    <message>
        <location filename="../../ui/orders/view.py" line="334"/>
        <source>Columns</source>
        <translation>Столбцы</translation>
    </message>
    <message>
        <location filename="../../ui/orders/view.py" line="429"/>
        <source>%1 ✕</source>
        <translation>%1 ✕</translation>
    </message>
    <message>
        <location filename="../../ui/orders/view.py" line="464"/>
        <source>All statuses</source>
        <translation>Все статусы</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/orders/view.py" line="476"/>
        <source>%n group(s)</source>
        <translation>
            <numerusform>%n группа</numerusform>
            <numerusform>%n группы</numerusform>
            <numerusform>%n групп</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/orders/view.py" line="478"/>
        <source>%n order(s)</source>
        <translation>
            <numerusform>%n заказ</numerusform>
            <numerusform>%n заказа</numerusform>
            <numerusform>%n заказов</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <location filename="../../ui/orders/payment_dialog.py" line="32"/>
        <source>Cash</source>
        <translation>Наличные</translation>
    </message>
    <message>
        <location filename="../../ui/orders/payment_dialog.py" line="33"/>
        <source>Card</source>
        <translation>Карта</translation>
    </message>
    <message>
        <location filename="../../ui/orders/payment_dialog.py" line="34"/>
        <source>Bank transfer</source>
        <translation>Банковский перевод</translation>
    </message>
    <message>
        <location filename="../../ui/orders/payment_dialog.py" line="35"/>
        <source>Other</source>
        <translation>Другое</translation>
    </message>
    <message>
        <location filename="../../ui/orders/payment_dialog.py" line="38"/>
        <source>Unpaid</source>
        <translation>Не оплачен</translation>
    </message>
    <message>
        <location filename="../../ui/orders/payment_dialog.py" line="39"/>
        <source>Partly paid</source>
        <translation>Оплачен частично</translation>
    </message>
    <message>
        <location filename="../../ui/orders/payment_dialog.py" line="40"/>
        <source>Paid</source>
        <translation>Оплачен</translation>
    </message>
    <message>
        <location filename="../../ui/orders/payment_dialog.py" line="41"/>
        <source>Overpaid</source>
        <translation>Переплата</translation>
    </message>
    <message>
        <location filename="../../ui/orders/payment_dialog.py" line="55"/>
        <source>Refund due: %1</source>
        <translation>К возврату: %1</translation>
    </message>
    <message>
        <location filename="../../ui/orders/payment_dialog.py" line="57"/>
        <source>Cancelled: nothing due</source>
        <translation>Отменён: платить нечего</translation>
    </message>
    <message>
        <location filename="../../ui/orders/payment_dialog.py" line="80"/>
        <source>Payment for order No. %1</source>
        <translation>Оплата заказа № %1</translation>
    </message>
    <message>
        <location filename="../../ui/orders/payment_dialog.py" line="83"/>
        <source>No. %1 · %2</source>
        <translation>№ %1 · %2</translation>
    </message>
    <message>
        <location filename="../../ui/orders/payment_dialog.py" line="98"/>
        <source>Who paid, what for…</source>
        <translation>Кто платил, за что…</translation>
    </message>
    <message>
        <location filename="../../ui/orders/payment_dialog.py" line="106"/>
        <source>Order:</source>
        <translation>Заказ:</translation>
    </message>
    <message>
        <location filename="../../ui/orders/payment_dialog.py" line="107"/>
        <source>Order amount:</source>
        <translation>Сумма заказа:</translation>
    </message>
    <message>
        <location filename="../../ui/orders/payment_dialog.py" line="108"/>
        <source>Paid so far:</source>
        <translation>Уже оплачено:</translation>
    </message>
    <message>
        <location filename="../../ui/orders/payment_dialog.py" line="109"/>
        <source>Balance:</source>
        <translation>Остаток:</translation>
    </message>
    <message>
        <location filename="../../ui/orders/payment_dialog.py" line="111"/>
        <source>Amount received:</source>
        <translation>Получено:</translation>
    </message>
    <message>
        <location filename="../../ui/orders/payment_dialog.py" line="112"/>
        <source>Date:</source>
        <translation>Дата:</translation>
    </message>
    <message>
        <location filename="../../ui/orders/payment_dialog.py" line="113"/>
        <source>Method:</source>
        <translation>Способ оплаты:</translation>
    </message>
    <message>
        <location filename="../../ui/orders/payment_dialog.py" line="114"/>
        <source>Note:</source>
        <translation>Заметка:</translation>
    </message>
    <message>
        <location filename="../../ui/orders/payment_dialog.py" line="148"/>
        <source>More than the balance: the order will be overpaid by %1.</source>
        <translation>Больше остатка: по заказу будет переплата %1.</translation>
    </message>
</context>
<context>
    <name>PaymentsModel</name>
    <message>
        <location filename="../../ui/orders/payments.py" line="51"/>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <location filename="../../ui/orders/payments.py" line="51"/>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <location filename="../../ui/orders/payments.py" line="51"/>
        <source>Method</source>
        <translation>Способ</translation>
    </message>
    <message>
        <location filename="../../ui/orders/payments.py" line="51"/>
        <source>Note</source>
        <translation>Заметка</translation>
    </message>
</context>
<context>
    <name>PaymentsOverdueModel</name>
    <message>
        <location filename="../../ui/today/models.py" line="154"/>
        <source>Customer</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <location filename="../../ui/today/models.py" line="154"/>
        <source>Orders</source>
        <translation>Заказы</translation>
    </message>
    <message>
        <location filename="../../ui/today/models.py" line="154"/>
        <source>Owed</source>
        <translation>Долг</translation>
    </message>
    <message>
        <location filename="../../ui/today/models.py" line="154"/>
        <source>Overdue</source>
        <translation>Просрочено</translation>
    </message>
    <message>
        <location filename="../../ui/today/models.py" line="155"/>
        <source>Days overdue</source>
        <translation>Дней просрочки</translation>
    </message>
</context>
<context>
    <name>PeopleModel</name>
    <message>
        <location filename="../../ui/contacts/models.py" line="194"/>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/models.py" line="194"/>
        <source>Job title</source>
        <translation>Должность</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/models.py" line="194"/>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/models.py" line="194"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/models.py" line="198"/>
        <source>%1 (archived)</source>
        <translation>%1 (в архиве)</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <location filename="../../ui/documents/printing.py" line="58"/>
        <source>The printer could not be started.</source>
        <translation>Не удалось начать печать.</translation>
    </message>
    <message>
        <location filename="../../ui/documents/printing.py" line="70"/>
        <source>The printer refused a page.</source>
        <translation>Принтер не принял страницу.</translation>
    </message>
</context>
<context>
    <name>ProductDialog</name>
    <message>
        <location filename="../../ui/products/dialog.py" line="45"/>
        <source>New product</source>
        <translation>Новый товар</translation>
    </message>
    <message>
        <location filename="../../ui/products/dialog.py" line="45"/>
        <source>Product</source>
        <translation>Товар</translation>
    </message>
    <message>
        <location filename="../../ui/products/dialog.py" line="48"/>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <location filename="../../ui/products/dialog.py" line="51"/>
        <source>Units under which the product is to be bought again: below it, the product is marked here and listed on Today</source>
        <translation>Сколько штук должно оставаться: ниже этого товар отмечается здесь и попадает в список «Сегодня»</translation>
    </message>
    <message>
        <location filename="../../ui/products/dialog.py" line="55"/>
        <source>Offered in pickers</source>
        <translation>Предлагать при выборе</translation>
    </message>
    <message>
        <location filename="../../ui/products/dialog.py" line="60"/>
        <source>Name:</source>
        <translation>Название:</translation>
    </message>
    <message>
        <location filename="../../ui/products/dialog.py" line="61"/>
        <source>SKU:</source>
        <translation>Артикул:</translation>
    </message>
    <message>
        <location filename="../../ui/products/dialog.py" line="62"/>
        <source>Default price:</source>
        <translation>Цена по умолчанию:</translation>
    </message>
    <message>
        <location filename="../../ui/products/dialog.py" line="63"/>
        <source>Default cost:</source>
        <translation>Закупочная цена:</translation>
    </message>
    <message>
        <location filename="../../ui/products/dialog.py" line="64"/>
        <source>Minimum stock:</source>
        <translation>Минимальный остаток:</translation>
    </message>
    <message>
        <location filename="../../ui/products/dialog.py" line="65"/>
        <source>Active:</source>
        <translation>Активен:</translation>
    </message>
</context>
<context>
    <name>ProductsModel</name>
    <message>
        <location filename="../../ui/products/models.py" line="52"/>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <location filename="../../ui/products/models.py" line="52"/>
        <source>SKU</source>
        <translation>Артикул</translation>
    </message>
    <message>
        <location filename="../../ui/products/models.py" line="52"/>
        <source>Default price</source>
        <translation>Цена по умолчанию</translation>
    </message>
    <message>
        <location filename="../../ui/products/models.py" line="52"/>
        <source>Default cost</source>
        <translation>Закупочная цена</translation>
    </message>
    <message>
        <location filename="../../ui/products/models.py" line="53"/>
        <source>Active</source>
        <translation>Активен</translation>
    </message>
    <message>
        <location filename="../../ui/products/models.py" line="53"/>
        <source>Units</source>
        <translation>Продано, шт.</translation>
    </message>
    <message>
        <location filename="../../ui/products/models.py" line="53"/>
        <source>Revenue</source>
        <translation>Выручка</translation>
    </message>
    <message>
        <location filename="../../ui/products/models.py" line="53"/>
        <source>Profit</source>
        <translation>Прибыль</translation>
    </message>
    <message>
        <location filename="../../ui/products/models.py" line="54"/>
        <source>Margin</source>
        <translation>Маржа</translation>
    </message>
    <message>
        <location filename="../../ui/products/models.py" line="54"/>
        <source>In stock</source>
        <translation>В наличии</translation>
    </message>
    <message>
        <location filename="../../ui/products/models.py" line="54"/>
        <source>Reserved</source>
        <translation>В резерве</translation>
    </message>
    <message>
        <location filename="../../ui/products/models.py" line="54"/>
        <source>Available</source>
        <translation>Доступно</translation>
    </message>
    <message>
        <location filename="../../ui/products/models.py" line="55"/>
        <source>Min.</source>
        <translation>Мин.</translation>
    </message>
    <message>
        <location filename="../../ui/products/models.py" line="100"/>
        <source>Products</source>
        <translation>Товары</translation>
    </message>
    <message>
        <location filename="../../ui/products/models.py" line="155"/>
        <source>Yes</source>
        <translation>Да</translation>
    </message>
    <message>
        <location filename="../../ui/products/models.py" line="155"/>
        <source>No</source>
        <translation>Нет</translation>
    </message>
    <message>
        <location filename="../../ui/products/models.py" line="170"/>
        <source>Below the minimum of %1</source>
        <translation>Меньше минимума (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/products/models.py" line="174"/>
        <source>Stock is counted from the product&apos;s first purchase or adjustment</source>
        <translation>Остаток ведётся с первой закупки или корректировки товара</translation>
    </message>
</context>
<context>
    <name>ProductsView</name>
    <message>
        <location filename="../../ui/products/view.py" line="68"/>
        <source>All time</source>
        <translation>За всё время</translation>
    </message>
    <message>
        <location filename="../../ui/products/view.py" line="68"/>
        <source>This month</source>
        <translation>Этот месяц</translation>
    </message>
    <message>
        <location filename="../../ui/products/view.py" line="68"/>
        <source>Last month</source>
        <translation>Прошлый месяц</translation>
    </message>
    <message>
        <location filename="../../ui/products/view.py" line="69"/>
        <source>This year</source>
        <translation>Этот год</translation>
    </message>
    <message>
        <location filename="../../ui/products/view.py" line="69"/>
        <source>Last 12 months</source>
        <translation>Последние 12 месяцев</translation>
    </message>
    <message>
        <location filename="../../ui/products/view.py" line="73"/>
        <location filename="../../ui/products/view.py" line="76"/>
        <source>New product</source>
        <translation>Новый товар</translation>
    </message>
    <message>
        <location filename="../../ui/products/view.py" line="74"/>
        <location filename="../../ui/products/view.py" line="77"/>
        <source>Edit product</source>
        <translation>Изменить товар</translation>
    </message>
    <message>
        <location filename="../../ui/products/view.py" line="75"/>
        <location filename="../../ui/products/view.py" line="78"/>
        <source>Stock adjustment…</source>
        <translation>Корректировка остатка…</translation>
    </message>
    <message>
        <location filename="../../ui/products/view.py" line="80"/>
        <source>Correct the product&apos;s stock after a count, or write goods off, with why</source>
        <translation>Поправить остаток после пересчёта или списать товар, указав причину</translation>
    </message>
    <message>
        <location filename="../../ui/products/view.py" line="83"/>
        <source>Adjustments…</source>
        <translation>Корректировки…</translation>
    </message>
    <message>
        <location filename="../../ui/products/view.py" line="85"/>
        <source>Period:</source>
        <translation>Период:</translation>
    </message>
    <message>
        <location filename="../../ui/products/view.py" line="192"/>
        <source>Columns</source>
        <translation>Столбцы</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <location filename="../../ui/operation.py" line="71"/>
        <source>Lavka</source>
        <translation>Лавка</translation>
    </message>
    <message>
        <location filename="../../ui/operation.py" line="86"/>
        <source>Cancelling…</source>
        <translation>Отмена…</translation>
    </message>
</context>
<context>
    <name>PurchaseEditor</name>
    <message>
        <location filename="../../ui/purchases/editor.py" line="67"/>
        <source>Unsaved changes</source>
        <translation>Несохранённые изменения</translation>
    </message>
    <message>
        <location filename="../../ui/purchases/editor.py" line="68"/>
        <source>The purchase has unsaved changes. Discard them?</source>
        <translation>В закупке есть несохранённые изменения. Отменить их?</translation>
    </message>
    <message>
        <location filename="../../ui/purchases/editor.py" line="82"/>
        <source>Delete the purchase of %1 from %2?</source>
        <translation>Удалить закупку от %1 у «%2»?</translation>
    </message>
    <message>
        <location filename="../../ui/purchases/editor.py" line="85"/>
        <source>Delete the purchase of %1?</source>
        <translation>Удалить закупку от %1?</translation>
    </message>
    <message>
        <location filename="../../ui/purchases/editor.py" line="86"/>
        <source>Its goods leave the stock, and the sales they went to take their cost from the other purchases.</source>
        <translation>Её товары уйдут из остатка, а продажи, на которые они пошли, возьмут себестоимость из других закупок.</translation>
    </message>
    <message>
        <location filename="../../ui/purchases/editor.py" line="91"/>
        <source>Delete purchase</source>
        <translation>Удаление закупки</translation>
    </message>
    <message>
        <location filename="../../ui/purchases/editor.py" line="118"/>
        <source>New purchase</source>
        <translation>Новая закупка</translation>
    </message>
    <message>
        <location filename="../../ui/purchases/editor.py" line="129"/>
        <source>Invoice or delivery note number</source>
        <translation>Номер счёта или накладной</translation>
    </message>
    <message>
        <location filename="../../ui/purchases/editor.py" line="135"/>
        <source>Shared over the lines by their value: it goes into the cost of each unit</source>
        <translation>Делится между строками пропорционально их сумме и входит в себестоимость каждой штуки</translation>
    </message>
    <message>
        <location filename="../../ui/purchases/editor.py" line="142"/>
        <source>Date:</source>
        <translation>Дата:</translation>
    </message>
    <message>
        <location filename="../../ui/purchases/editor.py" line="143"/>
        <source>Supplier:</source>
        <translation>Поставщик:</translation>
    </message>
    <message>
        <location filename="../../ui/purchases/editor.py" line="144"/>
        <source>Document:</source>
        <translation>Документ:</translation>
    </message>
    <message>
        <location filename="../../ui/purchases/editor.py" line="145"/>
        <source>Delivery cost:</source>
        <translation>Доставка:</translation>
    </message>
    <message>
        <location filename="../../ui/purchases/editor.py" line="149"/>
        <source>Comment:</source>
        <translation>Комментарий:</translation>
    </message>
    <message>
        <location filename="../../ui/purchases/editor.py" line="171"/>
        <source>Add line</source>
        <translation>Добавить строку</translation>
    </message>
    <message>
        <location filename="../../ui/purchases/editor.py" line="172"/>
        <source>Remove line</source>
        <translation>Удалить строку</translation>
    </message>
    <message>
        <location filename="../../ui/purchases/editor.py" line="185"/>
        <source>Units:</source>
        <translation>Штук:</translation>
    </message>
    <message>
        <location filename="../../ui/purchases/editor.py" line="186"/>
        <source>Goods:</source>
        <translation>Товары:</translation>
    </message>
    <message>
        <location filename="../../ui/purchases/editor.py" line="187"/>
        <source>Delivery:</source>
        <translation>Доставка:</translation>
    </message>
    <message>
        <location filename="../../ui/purchases/editor.py" line="188"/>
        <source>Total:</source>
        <translation>Итого:</translation>
    </message>
    <message>
        <location filename="../../ui/purchases/editor.py" line="206"/>
        <source>Delete purchase…</source>
        <translation>Удалить закупку…</translation>
    </message>
    <message>
        <location filename="../../ui/purchases/editor.py" line="235"/>
        <source>Purchase of %1</source>
        <translation>Закупка от %1</translation>
    </message>
</context>
<context>
    <name>PurchaseLinesModel</name>
    <message>
        <location filename="../../ui/purchases/lines.py" line="72"/>
        <source>Product</source>
        <translation>Товар</translation>
    </message>
    <message>
        <location filename="../../ui/purchases/lines.py" line="73"/>
        <source>Quantity</source>
        <translation>Количество</translation>
    </message>
    <message>
        <location filename="../../ui/purchases/lines.py" line="74"/>
        <source>Unit cost</source>
        <translation>Цена за шт.</translation>
    </message>
    <message>
        <location filename="../../ui/purchases/lines.py" line="75"/>
        <source>Delivery share</source>
        <translation>Доставка</translation>
    </message>
    <message>
        <location filename="../../ui/purchases/lines.py" line="76"/>
        <source>Total</source>
        <translation>Итого</translation>
    </message>
    <message>
        <location filename="../../ui/purchases/lines.py" line="77"/>
        <source>Unit cost with delivery</source>
        <translation>С доставкой за шт.</translation>
    </message>
</context>
<context>
    <name>PurchasesModel</name>
    <message>
        <location filename="../../ui/purchases/models.py" line="125"/>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <location filename="../../ui/purchases/models.py" line="125"/>
        <source>Supplier</source>
        <translation>Поставщик</translation>
    </message>
    <message>
        <location filename="../../ui/purchases/models.py" line="125"/>
        <source>Document</source>
        <translation>Документ</translation>
    </message>
    <message>
        <location filename="../../ui/purchases/models.py" line="125"/>
        <source>Products</source>
        <translation>Товары</translation>
    </message>
    <message>
        <location filename="../../ui/purchases/models.py" line="126"/>
        <source>Units</source>
        <translation>Штук</translation>
    </message>
    <message>
        <location filename="../../ui/purchases/models.py" line="126"/>
        <source>Total</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <location filename="../../ui/purchases/models.py" line="126"/>
        <source>Comment</source>
        <translation>Комментарий</translation>
    </message>
    <message>
        <location filename="../../ui/purchases/models.py" line="153"/>
        <source>Purchases</source>
        <translation>Закупки</translation>
    </message>
</context>
<context>
    <name>PurchasesView</name>
    <message>
        <location filename="../../ui/purchases/view.py" line="67"/>
        <source>Nothing was deleted</source>
        <translation>Ничего не удалено</translation>
    </message>
    <message>
        <location filename="../../ui/purchases/view.py" line="91"/>
        <source>All time</source>
        <translation>За всё время</translation>
    </message>
    <message>
        <location filename="../../ui/purchases/view.py" line="91"/>
        <source>This month</source>
        <translation>Этот месяц</translation>
    </message>
    <message>
        <location filename="../../ui/purchases/view.py" line="91"/>
        <source>Last month</source>
        <translation>Прошлый месяц</translation>
    </message>
    <message>
        <location filename="../../ui/purchases/view.py" line="92"/>
        <source>This quarter</source>
        <translation>Этот квартал</translation>
    </message>
    <message>
        <location filename="../../ui/purchases/view.py" line="92"/>
        <source>This year</source>
        <translation>Этот год</translation>
    </message>
    <message>
        <location filename="../../ui/purchases/view.py" line="92"/>
        <source>Last 12 months</source>
        <translation>Последние 12 месяцев</translation>
    </message>
    <message>
        <location filename="../../ui/purchases/view.py" line="98"/>
        <location filename="../../ui/purchases/view.py" line="120"/>
        <source>New purchase</source>
        <translation>Новая закупка</translation>
    </message>
    <message>
        <location filename="../../ui/purchases/view.py" line="99"/>
        <location filename="../../ui/purchases/view.py" line="123"/>
        <source>New expense</source>
        <translation>Новый расход</translation>
    </message>
    <message>
        <location filename="../../ui/purchases/view.py" line="101"/>
        <source>Period:</source>
        <translation>Период:</translation>
    </message>
    <message>
        <location filename="../../ui/purchases/view.py" line="112"/>
        <source>Purchases</source>
        <translation>Закупки</translation>
    </message>
    <message>
        <location filename="../../ui/purchases/view.py" line="113"/>
        <source>Expenses</source>
        <translation>Расходы</translation>
    </message>
    <message>
        <location filename="../../ui/purchases/view.py" line="121"/>
        <source>Edit</source>
        <translation>Изменить</translation>
    </message>
    <message>
        <location filename="../../ui/purchases/view.py" line="122"/>
        <source>Delete…</source>
        <translation>Удалить…</translation>
    </message>
    <message>
        <location filename="../../ui/purchases/view.py" line="295"/>
        <source>Delete the expense of %1: %2, %3?</source>
        <translation>Удалить расход от %1: %2, %3?</translation>
    </message>
    <message>
        <location filename="../../ui/purchases/view.py" line="302"/>
        <source>Delete expense</source>
        <translation>Удаление расхода</translation>
    </message>
    <message>
        <location filename="../../ui/purchases/view.py" line="336"/>
        <source>Comment or channel…</source>
        <translation>Комментарий или канал…</translation>
    </message>
    <message>
        <location filename="../../ui/purchases/view.py" line="338"/>
        <source>Supplier, document, product or comment…</source>
        <translation>Поставщик, документ, товар или комментарий…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/purchases/view.py" line="352"/>
        <source>%n expense(s)</source>
        <translation>
            <numerusform>%n расход</numerusform>
            <numerusform>%n расхода</numerusform>
            <numerusform>%n расходов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/purchases/view.py" line="356"/>
        <source>%n purchase(s)</source>
        <translation>
            <numerusform>%n закупка</numerusform>
            <numerusform>%n закупки</numerusform>
            <numerusform>%n закупок</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/purchases/view.py" line="359"/>
        <source>%1 · %2 in all</source>
        <translation>%1 · всего %2</translation>
    </message>
</context>
<context>
    <name>QDialog</name>
    <message>
        <location filename="../../ui/orders/questions.py" line="19"/>
        <source>Unsaved changes</source>
        <translation>Несохранённые изменения</translation>
    </message>
    <message>
        <location filename="../../ui/orders/questions.py" line="20"/>
        <source>The order has unsaved changes. Discard them?</source>
        <translation>В заказе есть несохранённые изменения. Отменить их?</translation>
    </message>
</context>
<context>
    <name>QMainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="73"/>
        <source>Welcome to Lavka</source>
        <translation>Добро пожаловать в «Лавку»</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="74"/>
        <source>Your database is empty.

Would you like to look around with a demo business first (a wholesaler of wallets with two years of orders)? You can start a clean database later.</source>
        <translation>База данных пуста.

Хотите сначала осмотреться на демонстрационном бизнесе (оптовый продавец кошельков с заказами за два года)? Чистую базу можно будет создать позже.</translation>
    </message>
</context>
<context>
    <name>QuickCapture</name>
    <message>
        <location filename="../../ui/contacts/dialogs.py" line="60"/>
        <source>A customer is calling</source>
        <translation>Звонит клиент</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/dialogs.py" line="66"/>
        <source>Phone, in any form</source>
        <translation>Телефон в любом формате</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/dialogs.py" line="67"/>
        <location filename="../../ui/contacts/dialogs.py" line="130"/>
        <source>Type the phone number.</source>
        <translation>Введите номер телефона.</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/dialogs.py" line="69"/>
        <source>Name:</source>
        <translation>Имя:</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/dialogs.py" line="78"/>
        <source>Phone:</source>
        <translation>Телефон:</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/dialogs.py" line="126"/>
        <source>Known customer: %1</source>
        <translation>Известный клиент: %1</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/dialogs.py" line="128"/>
        <source>New customer: type the name.</source>
        <translation>Новый клиент: введите имя.</translation>
    </message>
</context>
<context>
    <name>RemindersPage</name>
    <message>
        <location filename="../../ui/settings_dialog/reminders.py" line="29"/>
        <source>A customer&apos;s cadence is the median of the days between their purchases (the default cadence while they have bought once); r = days since the last purchase ÷ cadence. Past r = 1 they are due to reorder; past the awake limit they have fallen asleep; past the long-asleep limit they are long asleep.</source>
        <translation>Периодичность клиента — медиана дней между его покупками (пока покупка одна — периодичность по умолчанию); r = дней с последней покупки ÷ периодичность. После r = 1 клиенту пора повторить заказ; после границы «уснул» он уснул; после границы «давно уснул» — давно уснул.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/reminders.py" line="39"/>
        <source>Default cadence, days:</source>
        <translation>Периодичность по умолчанию, дней:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/reminders.py" line="40"/>
        <source>Awake limit (r):</source>
        <translation>Граница «уснул» (r):</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/reminders.py" line="41"/>
        <source>Long-asleep limit (r):</source>
        <translation>Граница «давно уснул» (r):</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/reminders.py" line="42"/>
        <source>Ask how it went, days after delivery:</source>
        <translation>Узнать, как всё прошло, через дней после доставки:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/reminders.py" line="50"/>
        <source>Reminders</source>
        <translation>Напоминания</translation>
    </message>
</context>
<context>
    <name>ReportsView</name>
    <message>
        <location filename="../../ui/reports/export.py" line="25"/>
        <source>Export report as PDF</source>
        <translation>Выгрузить отчёт в PDF</translation>
    </message>
    <message>
        <location filename="../../ui/reports/export.py" line="26"/>
        <source>PDF document (*.pdf)</source>
        <translation>Документ PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/export.py" line="28"/>
        <source>Export report as XLSX</source>
        <translation>Выгрузить отчёт в XLSX</translation>
    </message>
    <message>
        <location filename="../../ui/reports/export.py" line="29"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Книга Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/view.py" line="101"/>
        <source>This month</source>
        <translation>Этот месяц</translation>
    </message>
    <message>
        <location filename="../../ui/reports/view.py" line="101"/>
        <source>Last month</source>
        <translation>Прошлый месяц</translation>
    </message>
    <message>
        <location filename="../../ui/reports/view.py" line="101"/>
        <source>This quarter</source>
        <translation>Этот квартал</translation>
    </message>
    <message>
        <location filename="../../ui/reports/view.py" line="102"/>
        <source>This year</source>
        <translation>Этот год</translation>
    </message>
    <message>
        <location filename="../../ui/reports/view.py" line="102"/>
        <source>Last 12 months</source>
        <translation>Последние 12 месяцев</translation>
    </message>
    <message>
        <location filename="../../ui/reports/view.py" line="102"/>
        <source>Custom</source>
        <translation>Свой период</translation>
    </message>
    <message>
        <location filename="../../ui/reports/view.py" line="116"/>
        <source>Period:</source>
        <translation>Период:</translation>
    </message>
    <message>
        <location filename="../../ui/reports/view.py" line="118"/>
        <source>From:</source>
        <translation>С:</translation>
    </message>
    <message>
        <location filename="../../ui/reports/view.py" line="120"/>
        <source>To:</source>
        <translation>По:</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="104"/>
        <location filename="../../ui/reports/view.py" line="125"/>
        <source>Figure</source>
        <translation>Показатель</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="120"/>
        <location filename="../../ui/reports/view.py" line="125"/>
        <source>This period</source>
        <translation>Этот период</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="113"/>
        <location filename="../../ui/reports/view.py" line="125"/>
        <source>Previous period</source>
        <translation>Прошлый период</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="101"/>
        <location filename="../../ui/reports/view.py" line="126"/>
        <source>Change</source>
        <translation>Изменение</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="103"/>
        <location filename="../../ui/reports/view.py" line="129"/>
        <source>Customer</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="112"/>
        <location filename="../../ui/reports/view.py" line="129"/>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="67"/>
        <location filename="../../ui/reports/view.py" line="129"/>
        <source>Orders</source>
        <translation>Заказы</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="61"/>
        <location filename="../../services/report_export.py" line="79"/>
        <location filename="../../ui/reports/view.py" line="129"/>
        <location filename="../../ui/reports/view.py" line="135"/>
        <source>Revenue</source>
        <translation>Выручка</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="63"/>
        <location filename="../../ui/reports/view.py" line="130"/>
        <location filename="../../ui/reports/view.py" line="135"/>
        <source>Profit</source>
        <translation>Прибыль</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="64"/>
        <location filename="../../ui/reports/view.py" line="130"/>
        <location filename="../../ui/reports/view.py" line="136"/>
        <source>Margin</source>
        <translation>Маржа</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="114"/>
        <location filename="../../ui/reports/view.py" line="135"/>
        <source>Product</source>
        <translation>Товар</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="69"/>
        <location filename="../../ui/reports/view.py" line="135"/>
        <source>Units</source>
        <translation>Продано, шт.</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="108"/>
        <source>Key figures</source>
        <translation>Основные показатели</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="122"/>
        <location filename="../../ui/reports/view.py" line="177"/>
        <source>Top customers by revenue</source>
        <translation>Лучшие клиенты по выручке</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="123"/>
        <location filename="../../ui/reports/view.py" line="179"/>
        <source>Top products by profit</source>
        <translation>Лучшие товары по прибыли</translation>
    </message>
    <message>
        <location filename="../../ui/reports/view.py" line="221"/>
        <source>Export PDF…</source>
        <translation>Выгрузить PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/view.py" line="222"/>
        <source>Export XLSX…</source>
        <translation>Выгрузить XLSX…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/view.py" line="265"/>
        <source>The period ends before it starts.</source>
        <translation>Период заканчивается раньше, чем начинается.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/view.py" line="278"/>
        <source>Computing the report…</source>
        <translation>Расчёт отчёта…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/view.py" line="339"/>
        <source>Lavka report %1</source>
        <translation>Отчёт Лавки %1</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="96"/>
        <location filename="../../ui/reports/view.py" line="339"/>
        <source>Lavka report</source>
        <translation>Отчёт Лавки</translation>
    </message>
    <message>
        <location filename="../../ui/reports/export.py" line="64"/>
        <source>Exporting to %1…</source>
        <translation>Выгрузка в %1…</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="62"/>
        <source>Cost</source>
        <translation>Себестоимость</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="68"/>
        <source>Lines</source>
        <translation>Строк</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="70"/>
        <source>Average check</source>
        <translation>Средний чек</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="71"/>
        <source>New customers</source>
        <translation>Новые клиенты</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="72"/>
        <source>Returning customers</source>
        <translation>Повторные клиенты</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="73"/>
        <source>Planned revenue</source>
        <translation>Плановая выручка</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="74"/>
        <source>Planned profit</source>
        <translation>Плановая прибыль</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="97"/>
        <source>All time</source>
        <translation>За всё время</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="98"/>
        <source>By channel</source>
        <translation>По каналам</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="99"/>
        <source>By week</source>
        <translation>По неделям</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="100"/>
        <source>By month</source>
        <translation>По месяцам</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="78"/>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="65"/>
        <source>Expenses</source>
        <translation>Расходы</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="66"/>
        <source>Net profit</source>
        <translation>Чистая прибыль</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="80"/>
        <source>Gross profit</source>
        <translation>Валовая прибыль</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="81"/>
        <source>Ad spend</source>
        <translation>Расходы на рекламу</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="82"/>
        <source>Acquired</source>
        <translation>Привлечено</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="83"/>
        <source>Cost per customer</source>
        <translation>Стоимость клиента</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="84"/>
        <source>ROI</source>
        <translation>ROI</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="91"/>
        <source>Channels</source>
        <translation>Каналы</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="92"/>
        <source>Expenses by category</source>
        <translation>Расходы по статьям</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="93"/>
        <source>Category</source>
        <translation>Статья</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="94"/>
        <source>No expenses in this period.</source>
        <translation>Расходов за этот период нет.</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="95"/>
        <source>Gross profit %1 − expenses %2 = net profit %3</source>
        <translation>Валовая прибыль %1 − расходы %2 = чистая прибыль %3</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="102"/>
        <source>Compared with</source>
        <translation>В сравнении с</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="105"/>
        <source>From</source>
        <translation>С</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="106"/>
        <source>To</source>
        <translation>По</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="107"/>
        <source>Key counts</source>
        <translation>Основные количества</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="109"/>
        <source>No channel</source>
        <translation>Без канала</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="110"/>
        <source>Nothing sold in this period.</source>
        <translation>За этот период продаж нет.</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="111"/>
        <source>Period</source>
        <translation>Период</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="115"/>
        <source>Products</source>
        <translation>Товары</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="116"/>
        <source>Profit by product</source>
        <translation>Прибыль по товарам</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="117"/>
        <source>Revenue by channel</source>
        <translation>Выручка по каналам</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="118"/>
        <source>Revenue and profit by week</source>
        <translation>Выручка и прибыль по неделям</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="119"/>
        <source>Revenue and profit by month</source>
        <translation>Выручка и прибыль по месяцам</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="121"/>
        <location filename="../../ui/reports/view.py" line="178"/>
        <source>Top customers by profit</source>
        <translation>Лучшие клиенты по прибыли</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="124"/>
        <location filename="../../ui/reports/view.py" line="180"/>
        <source>Customers by segment</source>
        <translation>Клиенты по сегментам</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="127"/>
        <location filename="../../ui/reports/view.py" line="139"/>
        <source>Segment</source>
        <translation>Сегмент</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="128"/>
        <location filename="../../ui/reports/view.py" line="139"/>
        <source>At the start</source>
        <translation>В начале</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="129"/>
        <location filename="../../ui/reports/view.py" line="139"/>
        <source>At the end</source>
        <translation>В конце</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="130"/>
        <location filename="../../ui/reports/view.py" line="140"/>
        <source>Moved in</source>
        <translation>Пришли</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="131"/>
        <location filename="../../ui/reports/view.py" line="140"/>
        <source>Moved out</source>
        <translation>Ушли</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="135"/>
        <source>Debtors</source>
        <translation>Должники</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="136"/>
        <source>Debtors on %1</source>
        <translation>Должники на %1</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="137"/>
        <source>Owed</source>
        <translation>Долг</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="138"/>
        <source>Overdue</source>
        <translation>Просрочено</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="139"/>
        <source>Days overdue</source>
        <translation>Дней просрочки</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="140"/>
        <source>Oldest due date</source>
        <translation>Самый ранний срок</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="141"/>
        <source>Owed %1, of it overdue %2</source>
        <translation>Долг %1, из него просрочено %2</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="142"/>
        <source>No debtors.</source>
        <translation>Должников нет.</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="143"/>
        <source>The first %1 of %2 are shown.</source>
        <translation>Показаны первые %1 из %2.</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="144"/>
        <source>Conversion</source>
        <translation>Конверсия</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="145"/>
        <source>Stage</source>
        <translation>Этап</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="146"/>
        <source>Reached</source>
        <translation>Дошли</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="147"/>
        <source>Won</source>
        <translation>Выиграны</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="148"/>
        <source>All orders</source>
        <translation>Все заказы</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="149"/>
        <source>Orders: %1 · won: %2 · lost: %3 · conversion: %4</source>
        <translation>Заказов: %1 · выиграно: %2 · потеряно: %3 · конверсия: %4</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="150"/>
        <source>Lost orders</source>
        <translation>Потерянные заказы</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="151"/>
        <source>Lost by reason</source>
        <translation>Потери по причинам</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="152"/>
        <source>Lost by stage</source>
        <translation>Потери по этапам</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="153"/>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="154"/>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="155"/>
        <source>Orders before</source>
        <translation>Заказов ранее</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="156"/>
        <source>Amount before</source>
        <translation>Сумма ранее</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="157"/>
        <source>Total</source>
        <translation>Итого</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="158"/>
        <source>No reason given</source>
        <translation>Причина не указана</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="159"/>
        <source>Stage unknown</source>
        <translation>Этап неизвестен</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="160"/>
        <source>No lost orders in this period or the one before.</source>
        <translation>Потерянных заказов нет ни в этом периоде, ни в предыдущем.</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="161"/>
        <source>Forecast</source>
        <translation>Прогноз</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="162"/>
        <source>Forecast on %1</source>
        <translation>Прогноз на %1</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="163"/>
        <source>Forecast: %1 (deals counted: %2 of %3)</source>
        <translation>Прогноз: %1 (учтено сделок: %2 из %3)</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="164"/>
        <source>Classes: %1</source>
        <translation>Классы: %1</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="165"/>
        <source>slid down (C2): %1</source>
        <translation>сползли вниз (C2): %1</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="166"/>
        <source>Class</source>
        <translation>Класс</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="167"/>
        <source>Deals</source>
        <translation>Сделки</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="168"/>
        <source>Top deals</source>
        <translation>Крупнейшие сделки</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="169"/>
        <source>Order</source>
        <translation>Заказ</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="170"/>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="171"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="172"/>
        <source>Probability</source>
        <translation>Вероятность</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="173"/>
        <source>Value</source>
        <translation>Ценность</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="174"/>
        <source>Counted</source>
        <translation>Учтена</translation>
    </message>
    <message>
        <location filename="../../services/report_export.py" line="175"/>
        <source>No open deals.</source>
        <translation>Открытых сделок нет.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/view.py" line="381"/>
        <source>%1, compared with %2</source>
        <translation>%1, в сравнении с %2</translation>
    </message>
</context>
<context>
    <name>ScoringPage</name>
    <message>
        <location filename="../../ui/settings_dialog/scoring.py" line="176"/>
        <source>Probability = default + status + channel + age, kept between the floor and %1. Value = probability × amount.</source>
        <translation>Вероятность = по умолчанию + статус + канал + возраст, в пределах от нижней границы до %1. Ценность = вероятность × сумма.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/scoring.py" line="183"/>
        <source>The modifiers of statuses and channels are set on the Order statuses and Channels pages.</source>
        <translation>Поправки статусов и каналов задаются на страницах «Статусы заказов» и «Каналы».</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/scoring.py" line="196"/>
        <source>Default probability:</source>
        <translation>Вероятность по умолчанию:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/scoring.py" line="198"/>
        <source>Floor (lowest probability):</source>
        <translation>Нижняя граница (наименьшая вероятность):</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/scoring.py" line="230"/>
        <source>Add band</source>
        <translation>Добавить интервал</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/scoring.py" line="231"/>
        <source>Remove band</source>
        <translation>Удалить интервал</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/scoring.py" line="242"/>
        <source>A deal&apos;s age is the days since its order&apos;s date; a band lasts until the next one starts.</source>
        <translation>Возраст сделки — дни с даты её заказа; интервал длится до начала следующего.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/scoring.py" line="247"/>
        <source>Age bands</source>
        <translation>Интервалы возраста</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/scoring.py" line="255"/>
        <source>Classes by value</source>
        <translation>Классы по ценности</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/scoring.py" line="267"/>
        <source>Class %1 from:</source>
        <translation>Класс %1 от:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/scoring.py" line="272"/>
        <source>Below D: class E. A lost order is F; a deal that fell from A or B is shown as C2 until it rises again.</source>
        <translation>Ниже D — класс E. Проигранный заказ — F; сделка, опустившаяся из A или B, показывается как C2, пока снова не поднимется.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/scoring.py" line="293"/>
        <source>Deal scoring</source>
        <translation>Оценка сделок</translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <location filename="../../ui/search/models.py" line="54"/>
        <source>Companies</source>
        <translation>Компании</translation>
    </message>
    <message>
        <location filename="../../ui/search/models.py" line="55"/>
        <source>People</source>
        <translation>Люди</translation>
    </message>
    <message>
        <location filename="../../ui/search/models.py" line="56"/>
        <source>Orders</source>
        <translation>Заказы</translation>
    </message>
    <message>
        <location filename="../../ui/search/models.py" line="57"/>
        <source>Products</source>
        <translation>Товары</translation>
    </message>
    <message>
        <location filename="../../ui/search/models.py" line="70"/>
        <source>No. %1 · %2</source>
        <translation>№ %1 · %2</translation>
    </message>
    <message>
        <location filename="../../ui/search/models.py" line="78"/>
        <source>not offered</source>
        <translation>не предлагается</translation>
    </message>
    <message>
        <location filename="../../ui/search/models.py" line="80"/>
        <source>archived</source>
        <translation>в архиве</translation>
    </message>
</context>
<context>
    <name>Server</name>
    <message>
        <location filename="../../ui/server/__init__.py" line="48"/>
        <location filename="../../ui/server/__init__.py" line="83"/>
        <source>Move to a server</source>
        <translation>Перенос на сервер</translation>
    </message>
    <message>
        <location filename="../../ui/server/__init__.py" line="55"/>
        <source>&apos;%1&apos; is not a PostgreSQL database&apos;s address. It looks like %2.</source>
        <translation>«%1» — не адрес базы PostgreSQL. Он выглядит так: %2.</translation>
    </message>
    <message>
        <location filename="../../ui/server/__init__.py" line="67"/>
        <source>Open a server&apos;s database</source>
        <translation>Открыть базу на сервере</translation>
    </message>
    <message>
        <location filename="../../ui/server/__init__.py" line="68"/>
        <source>The database&apos;s address (PostgreSQL), as the person who set up the server gave it:</source>
        <translation>Адрес базы (PostgreSQL), как его дал тот, кто настраивал сервер:</translation>
    </message>
    <message>
        <location filename="../../ui/server/__init__.py" line="84"/>
        <source>Copy all data into an empty PostgreSQL database, for several people to work in at once. The database&apos;s address:</source>
        <translation>Скопировать все данные в пустую базу PostgreSQL, чтобы в ней могли работать несколько человек одновременно. Адрес базы:</translation>
    </message>
    <message>
        <location filename="../../ui/server/__init__.py" line="97"/>
        <source>All data is on the server now (%1 rows, each table checked).

Work on the server&apos;s database from now on? This file stays as it was, but changes made on the server will not reach it.</source>
        <translation>Все данные теперь на сервере (%1 строк, каждая таблица сверена).

Работать дальше с базой на сервере? Этот файл останется как был, но изменения, сделанные на сервере, в него не попадут.</translation>
    </message>
    <message>
        <location filename="../../ui/server/__init__.py" line="107"/>
        <source>Moving the data to the server…</source>
        <translation>Перенос данных на сервер…</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog/dialog.py" line="42"/>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/dialog.py" line="47"/>
        <source>Order statuses</source>
        <translation>Статусы заказов</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/dialog.py" line="48"/>
        <source>Channels</source>
        <translation>Каналы</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/dialog.py" line="49"/>
        <source>Loss reasons</source>
        <translation>Причины отказа</translation>
    </message>
</context>
<context>
    <name>ShipmentsModel</name>
    <message>
        <location filename="../../ui/today/models.py" line="76"/>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <location filename="../../ui/today/models.py" line="76"/>
        <source>Order</source>
        <translation>Заказ</translation>
    </message>
    <message>
        <location filename="../../ui/today/models.py" line="76"/>
        <source>Customer</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <location filename="../../ui/today/models.py" line="76"/>
        <source>Product</source>
        <translation>Товар</translation>
    </message>
    <message>
        <location filename="../../ui/today/models.py" line="77"/>
        <source>Quantity</source>
        <translation>Количество</translation>
    </message>
    <message>
        <location filename="../../ui/today/models.py" line="77"/>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <location filename="../../ui/today/models.py" line="77"/>
        <source>Days late</source>
        <translation>Просрочено, дн.</translation>
    </message>
</context>
<context>
    <name>SnoozeUntil</name>
    <message>
        <location filename="../../ui/today/dialogs.py" line="34"/>
        <source>Snooze</source>
        <translation>Отложить</translation>
    </message>
    <message>
        <location filename="../../ui/today/dialogs.py" line="38"/>
        <source>Remind me about %1 again on:</source>
        <translation>Снова напомнить о клиенте %1:</translation>
    </message>
</context>
<context>
    <name>StaleNotice</name>
    <message>
        <location filename="../../ui/documents/order_list.py" line="87"/>
        <source>Issue a new version…</source>
        <translation>Выпустить новую версию…</translation>
    </message>
    <message>
        <location filename="../../ui/documents/order_list.py" line="89"/>
        <source>A new document with the next number, made from the order as it is now</source>
        <translation>Новый документ со следующим номером — по заказу в его нынешнем виде</translation>
    </message>
</context>
<context>
    <name>SupplierBox</name>
    <message>
        <location filename="../../ui/purchases/supplier.py" line="36"/>
        <source>A company from the list, or a name…</source>
        <translation>Компания из списка или название…</translation>
    </message>
</context>
<context>
    <name>TagEditor</name>
    <message>
        <location filename="../../ui/tags/editor.py" line="42"/>
        <source>Add tag…</source>
        <translation>Добавить метку…</translation>
    </message>
    <message>
        <location filename="../../ui/tags/editor.py" line="43"/>
        <source>Type a tag and press Enter; a new name makes a new tag</source>
        <translation>Введите метку и нажмите Enter; новое название создаст новую метку</translation>
    </message>
    <message>
        <location filename="../../ui/tags/editor.py" line="163"/>
        <source>New tag: it is made when the card is saved</source>
        <translation>Новая метка: она появится, когда карточка будет сохранена</translation>
    </message>
</context>
<context>
    <name>TagFilter</name>
    <message>
        <location filename="../../ui/tags/filter.py" line="45"/>
        <location filename="../../ui/tags/filter.py" line="128"/>
        <source>All tags</source>
        <translation>Все метки</translation>
    </message>
    <message>
        <location filename="../../ui/tags/filter.py" line="98"/>
        <source>No tags yet</source>
        <translation>Меток пока нет</translation>
    </message>
    <message>
        <location filename="../../ui/tags/filter.py" line="130"/>
        <source>Show the rows carrying any of the tags ticked</source>
        <translation>Показать строки с любой из отмеченных меток</translation>
    </message>
    <message>
        <location filename="../../ui/tags/filter.py" line="134"/>
        <source>Only the rows tagged %1</source>
        <translation>Только строки с меткой «%1»</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/tags/filter.py" line="136"/>
        <source>%n tag(s)</source>
        <translation>
            <numerusform>%n метка</numerusform>
            <numerusform>%n метки</numerusform>
            <numerusform>%n меток</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/tags/filter.py" line="139"/>
        <source>Rows tagged any of: %1</source>
        <translation>Строки с любой из меток: %1</translation>
    </message>
</context>
<context>
    <name>TagsPage</name>
    <message>
        <location filename="../../ui/settings_dialog/tags.py" line="44"/>
        <source>Colour of the tag “%1”</source>
        <translation>Цвет метки «%1»</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/tags.py" line="55"/>
        <source>“%1” is on %n contact(s). Delete the tag and take it off them?</source>
        <translation>Метка «%1» стоит у клиентов: %n. Удалить её и снять с них?</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/tags.py" line="62"/>
        <source>No contact carries “%1”. Delete the tag?</source>
        <translation>Метки «%1» нет ни у одного клиента. Удалить её?</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/tags.py" line="67"/>
        <source>Delete the tag</source>
        <translation>Удаление метки</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/tags.py" line="96"/>
        <source>Tag</source>
        <translation>Метка</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/tags.py" line="96"/>
        <source>Colour</source>
        <translation>Цвет</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/tags.py" line="96"/>
        <source>Contacts</source>
        <translation>Клиенты</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/tags.py" line="112"/>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/tags.py" line="113"/>
        <source>Rename</source>
        <translation>Переименовать</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/tags.py" line="114"/>
        <source>Colour…</source>
        <translation>Цвет…</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/tags.py" line="115"/>
        <source>Delete…</source>
        <translation>Удалить…</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/tags.py" line="133"/>
        <source>Tags</source>
        <translation>Метки</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/tags.py" line="227"/>
        <source>Double-click to change the colour</source>
        <translation>Двойной щелчок — сменить цвет</translation>
    </message>
</context>
<context>
    <name>TaskDialog</name>
    <message>
        <location filename="../../ui/today/task_dialog.py" line="47"/>
        <source>Call back, send the invoice, …</source>
        <translation>Перезвонить, отправить счёт, …</translation>
    </message>
    <message>
        <location filename="../../ui/today/task_dialog.py" line="50"/>
        <source>any time, or 14:30</source>
        <translation>в любое время или 14:30</translation>
    </message>
    <message>
        <location filename="../../ui/today/task_dialog.py" line="54"/>
        <source>order number, if it is about one</source>
        <translation>номер заказа, если задача о нём</translation>
    </message>
    <message>
        <location filename="../../ui/today/task_dialog.py" line="58"/>
        <source>Done</source>
        <translation>Выполнено</translation>
    </message>
    <message>
        <location filename="../../ui/today/task_dialog.py" line="61"/>
        <source>Task:</source>
        <translation>Задача:</translation>
    </message>
    <message>
        <location filename="../../ui/today/task_dialog.py" line="62"/>
        <source>Due:</source>
        <translation>Срок:</translation>
    </message>
    <message>
        <location filename="../../ui/today/task_dialog.py" line="63"/>
        <source>Time:</source>
        <translation>Время:</translation>
    </message>
    <message>
        <location filename="../../ui/today/task_dialog.py" line="64"/>
        <source>Contact:</source>
        <translation>Клиент:</translation>
    </message>
    <message>
        <location filename="../../ui/today/task_dialog.py" line="65"/>
        <source>Order:</source>
        <translation>Заказ:</translation>
    </message>
    <message>
        <location filename="../../ui/today/task_dialog.py" line="66"/>
        <source>Notes:</source>
        <translation>Заметки:</translation>
    </message>
    <message>
        <location filename="../../ui/today/task_dialog.py" line="77"/>
        <source>New task</source>
        <translation>Новая задача</translation>
    </message>
    <message>
        <location filename="../../ui/today/task_dialog.py" line="88"/>
        <source>Task</source>
        <translation>Задача</translation>
    </message>
    <message>
        <location filename="../../ui/today/task_dialog.py" line="112"/>
        <source>An order number is a whole number, like 1042.</source>
        <translation>Номер заказа — целое число, например 1042.</translation>
    </message>
</context>
<context>
    <name>TasksModel</name>
    <message>
        <location filename="../../ui/today/models.py" line="42"/>
        <source>Due</source>
        <translation>Срок</translation>
    </message>
    <message>
        <location filename="../../ui/today/models.py" line="42"/>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <location filename="../../ui/today/models.py" line="42"/>
        <source>Task</source>
        <translation>Задача</translation>
    </message>
    <message>
        <location filename="../../ui/today/models.py" line="42"/>
        <source>Customer</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <location filename="../../ui/today/models.py" line="43"/>
        <source>Order</source>
        <translation>Заказ</translation>
    </message>
</context>
<context>
    <name>TodayCommand</name>
    <message>
        <location filename="../../ui/cli_today.py" line="32"/>
        <source>Today, %1: %n thing(s) due</source>
        <translation>Сегодня, %1: дел — %n</translation>
    </message>
    <message>
        <location filename="../../ui/cli_today.py" line="33"/>
        <source>Overdue tasks</source>
        <translation>Просроченные задачи</translation>
    </message>
    <message>
        <location filename="../../ui/cli_today.py" line="34"/>
        <source>Tasks for today</source>
        <translation>Задачи на сегодня</translation>
    </message>
    <message>
        <location filename="../../ui/cli_today.py" line="35"/>
        <source>Shipments: today&apos;s and overdue</source>
        <translation>Отгрузки: сегодня и просроченные</translation>
    </message>
    <message>
        <location filename="../../ui/cli_today.py" line="36"/>
        <source>Follow-ups: ask how it went</source>
        <translation>Узнать, как всё прошло</translation>
    </message>
    <message>
        <location filename="../../ui/cli_today.py" line="37"/>
        <source>Due to reorder</source>
        <translation>Пора повторить заказ</translation>
    </message>
    <message>
        <location filename="../../ui/cli_today.py" line="38"/>
        <source>Fell asleep recently</source>
        <translation>Недавно уснули</translation>
    </message>
    <message>
        <location filename="../../ui/cli_today.py" line="39"/>
        <source>nothing</source>
        <translation>ничего</translation>
    </message>
    <message>
        <location filename="../../ui/cli_today.py" line="40"/>
        <source>Due</source>
        <translation>Срок</translation>
    </message>
    <message>
        <location filename="../../ui/cli_today.py" line="41"/>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <location filename="../../ui/cli_today.py" line="42"/>
        <source>Task</source>
        <translation>Задача</translation>
    </message>
    <message>
        <location filename="../../ui/cli_today.py" line="43"/>
        <source>Customer</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <location filename="../../ui/cli_today.py" line="44"/>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <location filename="../../ui/cli_today.py" line="45"/>
        <source>Order</source>
        <translation>Заказ</translation>
    </message>
    <message>
        <location filename="../../ui/cli_today.py" line="46"/>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <location filename="../../ui/cli_today.py" line="47"/>
        <source>Product</source>
        <translation>Товар</translation>
    </message>
    <message>
        <location filename="../../ui/cli_today.py" line="48"/>
        <source>Qty</source>
        <translation>Кол-во</translation>
    </message>
    <message>
        <location filename="../../ui/cli_today.py" line="49"/>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <location filename="../../ui/cli_today.py" line="50"/>
        <source>Days late</source>
        <translation>Просрочено, дн.</translation>
    </message>
    <message>
        <location filename="../../ui/cli_today.py" line="51"/>
        <source>Shipped</source>
        <translation>Отгружено</translation>
    </message>
    <message>
        <location filename="../../ui/cli_today.py" line="52"/>
        <source>Segment</source>
        <translation>Сегмент</translation>
    </message>
    <message>
        <location filename="../../ui/cli_today.py" line="53"/>
        <source>Every, days</source>
        <translation>Раз в, дней</translation>
    </message>
    <message>
        <location filename="../../ui/cli_today.py" line="54"/>
        <source>Days since</source>
        <translation>Дней назад</translation>
    </message>
    <message>
        <location filename="../../ui/cli_today.py" line="55"/>
        <source>Usually buys</source>
        <translation>Обычно берёт</translation>
    </message>
    <message>
        <location filename="../../ui/cli_today.py" line="56"/>
        <source>Average check</source>
        <translation>Средний чек</translation>
    </message>
    <message>
        <location filename="../../ui/cli_today.py" line="57"/>
        <source>Purchases</source>
        <translation>Покупок</translation>
    </message>
    <message>
        <location filename="../../ui/cli_today.py" line="58"/>
        <source>No.</source>
        <translation>№</translation>
    </message>
    <message>
        <location filename="../../ui/cli_today.py" line="59"/>
        <source>Done</source>
        <translation>Выполнено</translation>
    </message>
    <message>
        <location filename="../../ui/cli_today.py" line="60"/>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <location filename="../../ui/cli_today.py" line="61"/>
        <source>Customers by segment on %1</source>
        <translation>Клиенты по сегментам на %1</translation>
    </message>
    <message>
        <location filename="../../ui/cli_today.py" line="62"/>
        <source>Task %1 added: %2, due %3.</source>
        <translation>Задача %1 добавлена: %2, срок %3.</translation>
    </message>
    <message>
        <location filename="../../ui/cli_today.py" line="63"/>
        <source>Task %1 is done: %2.</source>
        <translation>Задача %1 выполнена: %2.</translation>
    </message>
    <message>
        <location filename="../../ui/cli_today.py" line="64"/>
        <source>No open tasks.</source>
        <translation>Открытых задач нет.</translation>
    </message>
</context>
<context>
    <name>TodayView</name>
    <message>
        <location filename="../../ui/today/view.py" line="141"/>
        <source>New task…</source>
        <translation>Новая задача…</translation>
    </message>
    <message>
        <location filename="../../ui/today/view.py" line="164"/>
        <source>Mark the order shipped</source>
        <translation>Заказ отгружен</translation>
    </message>
    <message>
        <location filename="../../ui/today/view.py" line="170"/>
        <source>Done…</source>
        <translation>Сделано…</translation>
    </message>
    <message>
        <location filename="../../ui/today/view.py" line="170"/>
        <source>Dismiss</source>
        <translation>Пропустить</translation>
    </message>
    <message>
        <location filename="../../ui/today/view.py" line="172"/>
        <location filename="../../ui/today/view.py" line="190"/>
        <source>Call…</source>
        <translation>Позвонить…</translation>
    </message>
    <message>
        <location filename="../../ui/today/view.py" line="191"/>
        <source>Snooze</source>
        <translation>Отложить</translation>
    </message>
    <message>
        <location filename="../../ui/today/view.py" line="192"/>
        <source>Not interested</source>
        <translation>Не интересно</translation>
    </message>
    <message>
        <location filename="../../ui/today/view.py" line="197"/>
        <source>Done</source>
        <translation>Выполнено</translation>
    </message>
    <message>
        <location filename="../../ui/today/view.py" line="198"/>
        <source>Edit…</source>
        <translation>Изменить…</translation>
    </message>
    <message>
        <location filename="../../ui/today/view.py" line="199"/>
        <source>Tomorrow</source>
        <translation>На завтра</translation>
    </message>
    <message>
        <location filename="../../ui/today/view.py" line="238"/>
        <location filename="../../ui/today/view.py" line="318"/>
        <source>Nothing here today.</source>
        <translation>Сегодня здесь пусто.</translation>
    </message>
    <message>
        <location filename="../../ui/today/view.py" line="250"/>
        <source>For 3 days</source>
        <translation>На 3 дня</translation>
    </message>
    <message>
        <location filename="../../ui/today/view.py" line="251"/>
        <source>For a week</source>
        <translation>На неделю</translation>
    </message>
    <message>
        <location filename="../../ui/today/view.py" line="252"/>
        <source>Until…</source>
        <translation>До даты…</translation>
    </message>
    <message>
        <location filename="../../ui/today/view.py" line="278"/>
        <source>Loading today&apos;s lists…</source>
        <translation>Загрузка списков на сегодня…</translation>
    </message>
    <message>
        <location filename="../../ui/today/view.py" line="282"/>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/today/view.py" line="327"/>
        <source>%n thing(s) due today.</source>
        <translation>
            <numerusform>На сегодня %n дело.</numerusform>
            <numerusform>На сегодня %n дела.</numerusform>
            <numerusform>На сегодня %n дел.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/today/view.py" line="329"/>
        <source>Nothing is due today.</source>
        <translation>На сегодня дел нет.</translation>
    </message>
    <message>
        <location filename="../../ui/today/view.py" line="412"/>
        <source>Call %1</source>
        <translation>Позвонить: %1</translation>
    </message>
    <message>
        <location filename="../../ui/today/view.py" line="467"/>
        <source>Today, %1</source>
        <translation>Сегодня, %1</translation>
    </message>
    <message>
        <location filename="../../ui/today/view.py" line="472"/>
        <source>Forecast: no open deals.</source>
        <translation>Прогноз: открытых сделок нет.</translation>
    </message>
    <message>
        <location filename="../../ui/today/view.py" line="476"/>
        <source>Forecast: %1 · %2</source>
        <translation>Прогноз: %1 · %2</translation>
    </message>
    <message>
        <location filename="../../ui/today/view.py" line="491"/>
        <source>Overdue tasks</source>
        <translation>Просроченные задачи</translation>
    </message>
    <message>
        <location filename="../../ui/today/view.py" line="492"/>
        <source>Tasks for today</source>
        <translation>Задачи на сегодня</translation>
    </message>
    <message>
        <location filename="../../ui/today/view.py" line="493"/>
        <source>To ship: today&apos;s and overdue</source>
        <translation>Отгрузить: сегодня и просроченные</translation>
    </message>
    <message>
        <location filename="../../ui/today/view.py" line="494"/>
        <source>Below minimum stock</source>
        <translation>Ниже минимального остатка</translation>
    </message>
    <message>
        <location filename="../../ui/today/view.py" line="495"/>
        <source>Ask how it went</source>
        <translation>Узнать, как всё прошло</translation>
    </message>
    <message>
        <location filename="../../ui/today/view.py" line="496"/>
        <source>Payments overdue</source>
        <translation>Просроченные оплаты</translation>
    </message>
    <message>
        <location filename="../../ui/today/view.py" line="497"/>
        <source>Due to reorder</source>
        <translation>Пора повторить заказ</translation>
    </message>
    <message>
        <location filename="../../ui/today/view.py" line="498"/>
        <source>Fell asleep recently</source>
        <translation>Недавно уснули</translation>
    </message>
    <message>
        <location filename="../../ui/today/view.py" line="484"/>
        <source>(the first %1 shown)</source>
        <translation>(показаны первые %1)</translation>
    </message>
</context>
<context>
    <name>TrashModel</name>
    <message>
        <location filename="../../ui/history/models.py" line="190"/>
        <source>What</source>
        <translation>Что</translation>
    </message>
    <message>
        <location filename="../../ui/history/models.py" line="190"/>
        <source>Deleted</source>
        <translation>Удалено</translation>
    </message>
    <message>
        <location filename="../../ui/history/models.py" line="190"/>
        <source>Days left</source>
        <translation>Осталось дней</translation>
    </message>
    <message>
        <location filename="../../ui/history/models.py" line="214"/>
        <source>Trash</source>
        <translation>Корзина</translation>
    </message>
</context>
<context>
    <name>UndoRefusal</name>
    <message>
        <location filename="../../ui/history/refusal.py" line="15"/>
        <source>Nothing was undone</source>
        <translation>Ничего не отменено</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <location filename="../../ui/settings_dialog/users.py" line="102"/>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/users.py" line="102"/>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/users.py" line="108"/>
        <source>Add…</source>
        <translation>Добавить…</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/users.py" line="109"/>
        <source>Change role</source>
        <translation>Сменить роль</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/users.py" line="110"/>
        <source>Remove…</source>
        <translation>Удалить…</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/users.py" line="117"/>
        <source>People who work in this database from their own computers log in to the server with the name and password given here. You are its owner: you see and may do everything.</source>
        <translation>Те, кто работает в этой базе со своих компьютеров, входят на сервер с заданными здесь именем и паролем. Вы — владелец базы: вам видно и доступно всё.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/users.py" line="134"/>
        <location filename="../../ui/settings_dialog/users.py" line="193"/>
        <source>Users</source>
        <translation>Пользователи</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/users.py" line="184"/>
        <source>Remove %1? They will no longer be able to log in; what they saved stays.</source>
        <translation>Удалить %1? Войти в базу этот человек больше не сможет; сохранённое им останется.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/users.py" line="186"/>
        <source>Remove user</source>
        <translation>Удаление пользователя</translation>
    </message>
</context>
</TS>
