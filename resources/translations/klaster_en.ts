<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../ui/dialogs/about.py" line="32"/>
        <source>O programie Klaster</source>
        <translation>About Klaster</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about.py" line="36"/>
        <source>Przygotowanie wniosku o nadanie lub odnowienie statusu Krajowego Klastra Kluczowego: kreator, kontrola kompletności, wydruk i załączniki.</source>
        <translation>Preparing an application for granting or renewing the status of a National Key Cluster (Krajowy Klaster Kluczowy): wizard, completeness checks, printout and attachments.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about.py" line="42"/>
        <source>Wersja</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about.py" line="44"/>
        <source>Baza danych</source>
        <translation>Database</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about.py" line="47"/>
        <source>Folder dziennika</source>
        <translation>Log folder</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about.py" line="50"/>
        <source>Ustawienia</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about.py" line="53"/>
        <source>Środowisko</source>
        <translation>Environment</translation>
    </message>
</context>
<context>
    <name>IndicatorBars</name>
    <message>
        <location filename="../../ui/indicator_bars.py" line="190"/>
        <source>Pasek: wartość klastra; pionowa kreska: średnia KKK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/indicator_bars.py" line="221"/>
        <source>brak danych</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KlasterApp</name>
    <message>
        <location filename="../../ui/app.py" line="73"/>
        <source>Nie można utworzyć folderu {folder} ({why}).</source>
        <translation>Cannot create the folder {folder} ({why}).</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="88"/>
        <source> na komputerze {host}</source>
        <translation> on computer {host}</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="91"/>
        <source>Ta baza jest już otwarta w innym oknie programu Klaster (PID {pid}{where}).</source>
        <translation>This database is already open in another Klaster window (PID {pid}{where}).</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="95"/>
        <source>Plik: {path}</source>
        <translation>File: {path}</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="98"/>
        <source>Nie można utworzyć pliku blokady {path} (brak uprawnień do folderu?).</source>
        <translation>Cannot create the lock file {path} (no permission for the folder?).</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="165"/>
        <source>(niedostępny)</source>
        <translation>(unavailable)</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="166"/>
        <source>Wystąpił nieoczekiwany błąd ({error}). Zapisane dane są bezpieczne. Dziennik: {log}</source>
        <translation>An unexpected error occurred ({error}). Saved data is safe. Log: {log}</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="177"/>
        <source>Klaster — błąd</source>
        <translation>Klaster — error</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="213"/>
        <source>Nie można zapisać pliku {path}.</source>
        <translation>Cannot save the file {path}.</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="288"/>
        <source>Przykładowy wniosek nie jest dostępny w tej wersji programu.</source>
        <translation>The demo application is not available in this version of the program.</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="301"/>
        <source>Zapisano zrzuty ekranu: {n} w {folder}</source>
        <translation>Screenshots saved: {n} in {folder}</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="326"/>
        <source>Błąd: {error}</source>
        <translation>Error: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="329"/>
        <source>Dziennik:</source>
        <translation>Log:</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="332"/>
        <source>Nieoczekiwany błąd: {error}.</source>
        <translation>Unexpected error: {error}.</translation>
    </message>
</context>
<context>
    <name>NewApplicationDialog</name>
    <message>
        <location filename="../../ui/dialogs/new_application.py" line="32"/>
        <source>Nowy wniosek</source>
        <translation>New application</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_application.py" line="43"/>
        <source>konkurs {year} ({id})</source>
        <translation>round {year} ({id})</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_application.py" line="50"/>
        <source>&amp;nadanie statusu</source>
        <translation>&amp;grant of status</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_application.py" line="51"/>
        <source>o&amp;dnowienie statusu</source>
        <translation>re&amp;newal of status</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_application.py" line="64"/>
        <source>np. Mazowiecki Klaster ICT (można uzupełnić później)</source>
        <translation>e.g. Mazovian ICT Cluster (can be filled in later)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_application.py" line="69"/>
        <source>&amp;Runda konkursu:</source>
        <translation>Competition &amp;round:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_application.py" line="73"/>
        <source>Rodzaj wniosku:</source>
        <translation>Application type:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_application.py" line="74"/>
        <source>Nazwa &amp;wniosku:</source>
        <translation>Application na&amp;me:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_application.py" line="80"/>
        <source>Odnowienie na podstawie wcześniejszego wniosku (z przeniesieniem danych klastra i członków) tworzy się przyciskiem „Odnowienie…” w oknie głównym.</source>
        <translation>A renewal based on an earlier application (carrying over the cluster and member data) is created with the “Renewal…” button in the main window.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_application.py" line="88"/>
        <source>Utwórz</source>
        <translation>Create</translation>
    </message>
</context>
<context>
    <name>StartWindow</name>
    <message>
        <location filename="../../ui/start_window.py" line="237"/>
        <location filename="../../ui/start_window.py" line="280"/>
        <source>&amp;Nowy wniosek…</source>
        <translation>&amp;New application…</translation>
    </message>
    <message>
        <location filename="../../ui/start_window.py" line="238"/>
        <source>&amp;Otwórz wniosek</source>
        <translation>&amp;Open application</translation>
    </message>
    <message>
        <location filename="../../ui/start_window.py" line="239"/>
        <source>Otwórz &amp;bazę…</source>
        <translation>Open &amp;database…</translation>
    </message>
    <message>
        <location filename="../../ui/start_window.py" line="240"/>
        <location filename="../../ui/start_window.py" line="285"/>
        <source>&amp;Importuj .kkk.json…</source>
        <translation>&amp;Import .kkk.json…</translation>
    </message>
    <message>
        <location filename="../../ui/start_window.py" line="241"/>
        <source>&amp;Eksportuj .kkk.json…</source>
        <translation>&amp;Export .kkk.json…</translation>
    </message>
    <message>
        <location filename="../../ui/start_window.py" line="242"/>
        <source>&amp;Zakończ</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../ui/start_window.py" line="243"/>
        <location filename="../../ui/start_window.py" line="282"/>
        <source>&amp;Duplikuj</source>
        <translation>&amp;Duplicate</translation>
    </message>
    <message>
        <location filename="../../ui/start_window.py" line="244"/>
        <source>&amp;Odnowienie…</source>
        <translation>&amp;Renewal…</translation>
    </message>
    <message>
        <location filename="../../ui/start_window.py" line="245"/>
        <location filename="../../ui/start_window.py" line="284"/>
        <source>&amp;Usuń…</source>
        <translation>De&amp;lete…</translation>
    </message>
    <message>
        <location filename="../../ui/start_window.py" line="246"/>
        <source>&amp;O programie</source>
        <translation>&amp;About Klaster</translation>
    </message>
    <message>
        <location filename="../../ui/start_window.py" line="252"/>
        <source>&amp;Plik</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ui/start_window.py" line="257"/>
        <source>Ostatnie b&amp;azy</source>
        <translation>R&amp;ecent databases</translation>
    </message>
    <message>
        <location filename="../../ui/start_window.py" line="265"/>
        <source>&amp;Edycja</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../ui/start_window.py" line="270"/>
        <source>Pomo&amp;c</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../ui/start_window.py" line="281"/>
        <source>&amp;Otwórz</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <location filename="../../ui/start_window.py" line="283"/>
        <source>Odno&amp;wienie…</source>
        <translation>Rene&amp;wal…</translation>
    </message>
    <message>
        <location filename="../../ui/start_window.py" line="286"/>
        <source>E&amp;ksportuj .kkk.json…</source>
        <translation>E&amp;xport .kkk.json…</translation>
    </message>
    <message>
        <location filename="../../ui/start_window.py" line="299"/>
        <source>Nazwa</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/start_window.py" line="300"/>
        <source>Runda</source>
        <translation>Round</translation>
    </message>
    <message>
        <location filename="../../ui/start_window.py" line="301"/>
        <source>Rodzaj</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/start_window.py" line="302"/>
        <source>Stan</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/start_window.py" line="303"/>
        <source>Wersja</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../ui/start_window.py" line="304"/>
        <source>Kompletność</source>
        <translation>Completeness</translation>
    </message>
    <message>
        <location filename="../../ui/start_window.py" line="305"/>
        <source>Ostatni zapis</source>
        <translation>Last saved</translation>
    </message>
    <message>
        <location filename="../../ui/start_window.py" line="333"/>
        <source>Brak wniosków. Utwórz nowy wniosek albo zaimportuj plik .kkk.json.</source>
        <translation>No applications yet. Create a new application or import a .kkk.json file.</translation>
    </message>
    <message>
        <location filename="../../ui/start_window.py" line="353"/>
        <source>Klaster — {name}</source>
        <translation>Klaster — {name}</translation>
    </message>
    <message>
        <location filename="../../ui/start_window.py" line="373"/>
        <source>Nieznana runda: {id}</source>
        <translation>Unknown round: {id}</translation>
    </message>
    <message>
        <location filename="../../ui/start_window.py" line="374"/>
        <source>konkurs {year}</source>
        <translation>round {year}</translation>
    </message>
    <message>
        <location filename="../../ui/start_window.py" line="377"/>
        <location filename="../../ui/start_window.py" line="569"/>
        <location filename="../../ui/start_window.py" line="592"/>
        <source>(bez nazwy)</source>
        <translation>(untitled)</translation>
    </message>
    <message>
        <location filename="../../ui/start_window.py" line="387"/>
        <source>odnowienie</source>
        <translation>renewal</translation>
    </message>
    <message>
        <location filename="../../ui/start_window.py" line="387"/>
        <source>nadanie</source>
        <translation>grant</translation>
    </message>
    <message>
        <location filename="../../ui/start_window.py" line="388"/>
        <location filename="../../ui/start_window.py" line="607"/>
        <source>sfinalizowany</source>
        <translation>finalised</translation>
    </message>
    <message>
        <location filename="../../ui/start_window.py" line="388"/>
        <location filename="../../ui/start_window.py" line="607"/>
        <source>roboczy</source>
        <translation>draft</translation>
    </message>
    <message>
        <location filename="../../ui/start_window.py" line="390"/>
        <source>Suma kontrolna: {sum}</source>
        <translation>Checksum: {sum}</translation>
    </message>
    <message>
        <location filename="../../ui/start_window.py" line="424"/>
        <source>Baza: {path} · wnioski: {count}</source>
        <translation>Database: {path} · applications: {count}</translation>
    </message>
    <message>
        <location filename="../../ui/start_window.py" line="492"/>
        <source>Nie można utworzyć wniosku</source>
        <translation>Cannot create the application</translation>
    </message>
    <message>
        <location filename="../../ui/start_window.py" line="512"/>
        <location filename="../../ui/start_window.py" line="522"/>
        <source>Nie można otworzyć wniosku</source>
        <translation>Cannot open the application</translation>
    </message>
    <message>
        <location filename="../../ui/start_window.py" line="523"/>
        <source>Kreator wniosku nie jest dostępny w tej wersji programu.</source>
        <translation>The application wizard is not available in this version of the program.</translation>
    </message>
    <message>
        <location filename="../../ui/start_window.py" line="559"/>
        <source>Nie można zduplikować wniosku</source>
        <translation>Cannot duplicate the application</translation>
    </message>
    <message>
        <location filename="../../ui/start_window.py" line="562"/>
        <source>Utworzono kopię wniosku „{name}”.</source>
        <translation>A copy of “{name}” was created.</translation>
    </message>
    <message>
        <location filename="../../ui/start_window.py" line="571"/>
        <source>Utworzyć wniosek o odnowienie statusu na podstawie wniosku „{name}”?

Zostaną przeniesione: dane klastra, koordynatora i osoby do kontaktu, rejestr członków, zasoby ludzkie oraz opisy. Rok odniesienia, dane finansowe, tabele pozostałych obszarów, załączniki, oświadczenia i podpis trzeba uzupełnić na nowo.</source>
        <translation>Create an application for renewal of the status based on “{name}”?

Carried over: the cluster, coordinator and contact person data, the member register, human resources and the descriptions. The reference year, financial data, the tables of the other areas, attachments, declarations and signature must be filled in again.</translation>
    </message>
    <message>
        <location filename="../../ui/start_window.py" line="576"/>
        <source>Odnowienie statusu</source>
        <translation>Renewal of status</translation>
    </message>
    <message>
        <location filename="../../ui/start_window.py" line="576"/>
        <source>Utwórz odnowienie</source>
        <translation>Create renewal</translation>
    </message>
    <message>
        <location filename="../../ui/start_window.py" line="582"/>
        <source>Nie można utworzyć odnowienia</source>
        <translation>Cannot create the renewal</translation>
    </message>
    <message>
        <location filename="../../ui/start_window.py" line="585"/>
        <source>Utworzono wniosek o odnowienie statusu.</source>
        <translation>An application for renewal was created.</translation>
    </message>
    <message>
        <location filename="../../ui/start_window.py" line="596"/>
        <location filename="../../ui/start_window.py" line="609"/>
        <source>Usuwanie wniosku</source>
        <translation>Deleting an application</translation>
    </message>
    <message>
        <location filename="../../ui/start_window.py" line="597"/>
        <source>Wniosek „{name}” jest otwarty. Zamknij jego okno i spróbuj ponownie.</source>
        <translation>The application “{name}” is open. Close its window and try again.</translation>
    </message>
    <message>
        <location filename="../../ui/start_window.py" line="601"/>
        <source>Usunąć wniosek „{name}” (wersja {version}, {state})?

Przed usunięciem program zapisze kopię zapasową bazy w folderze „backups” obok pliku bazy, więc wniosek będzie można odzyskać.</source>
        <translation>Delete the application “{name}” (version {version}, {state})?

Before deleting, a backup copy of the database is saved in the “backups” folder next to the database file, so the application can be recovered.</translation>
    </message>
    <message>
        <location filename="../../ui/start_window.py" line="609"/>
        <source>Usuń</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../ui/start_window.py" line="614"/>
        <source>Nie można usunąć wniosku</source>
        <translation>Cannot delete the application</translation>
    </message>
    <message>
        <location filename="../../ui/start_window.py" line="617"/>
        <source>Usunięto wniosek „{name}”.</source>
        <translation>The application “{name}” was deleted.</translation>
    </message>
    <message>
        <location filename="../../ui/start_window.py" line="626"/>
        <source>Importuj wniosek</source>
        <translation>Import an application</translation>
    </message>
    <message>
        <location filename="../../ui/start_window.py" line="627"/>
        <source>Wniosek KKK (*.kkk.json *.json);;Wszystkie pliki (*)</source>
        <translation>KKK application (*.kkk.json *.json);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/start_window.py" line="631"/>
        <source>Nie można zaimportować pliku</source>
        <translation>Cannot import the file</translation>
    </message>
    <message>
        <location filename="../../ui/start_window.py" line="638"/>
        <source>Plik {file} nie został zaimportowany; baza pozostała bez zmian.

{lines}</source>
        <translation>The file {file} was not imported; the database is unchanged.

{lines}</translation>
    </message>
    <message>
        <location filename="../../ui/start_window.py" line="642"/>
        <source>…i {n} innych problemów.</source>
        <translation>…and {n} more problems.</translation>
    </message>
    <message>
        <location filename="../../ui/start_window.py" line="656"/>
        <source>Zaimportowano plik {file}.</source>
        <translation>Imported {file}.</translation>
    </message>
    <message>
        <location filename="../../ui/start_window.py" line="668"/>
        <source>Eksportuj wniosek</source>
        <translation>Export the application</translation>
    </message>
    <message>
        <location filename="../../ui/start_window.py" line="670"/>
        <source>Wniosek KKK (*.kkk.json)</source>
        <translation>KKK application (*.kkk.json)</translation>
    </message>
    <message>
        <location filename="../../ui/start_window.py" line="682"/>
        <location filename="../../ui/start_window.py" line="687"/>
        <source>Nie można zapisać pliku</source>
        <translation>Cannot save the file</translation>
    </message>
    <message>
        <location filename="../../ui/start_window.py" line="683"/>
        <source>Nie można zapisać pliku {file} ({why}).</source>
        <translation>Cannot save the file {file} ({why}).</translation>
    </message>
    <message>
        <location filename="../../ui/start_window.py" line="689"/>
        <source>Zapisano {file}.</source>
        <translation>Saved {file}.</translation>
    </message>
    <message>
        <location filename="../../ui/start_window.py" line="698"/>
        <source>(brak)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../ui/start_window.py" line="708"/>
        <source>Otwórz bazę</source>
        <translation>Open a database</translation>
    </message>
    <message>
        <location filename="../../ui/start_window.py" line="709"/>
        <source>Baza programu Klaster (*.sqlite *.db);;Wszystkie pliki (*)</source>
        <translation>Klaster database (*.sqlite *.db);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/start_window.py" line="715"/>
        <source>Nie można otworzyć bazy</source>
        <translation>Cannot open the database</translation>
    </message>
    <message>
        <location filename="../../ui/start_window.py" line="719"/>
        <source>Zamknij najpierw otwarte okna wniosków.</source>
        <translation>Close the open application windows first.</translation>
    </message>
</context>
<context>
    <name>TableEditor</name>
    <message>
        <location filename="../../ui/tables/editor.py" line="86"/>
        <source>Szukaj…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tables/editor.py" line="120"/>
        <source>&amp;Dodaj wiersz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tables/editor.py" line="121"/>
        <source>&amp;Usuń</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tables/editor.py" line="122"/>
        <source>Usuń zaznaczone wiersze</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tables/editor.py" line="123"/>
        <source>W górę</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tables/editor.py" line="124"/>
        <source>W dół</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tables/editor.py" line="125"/>
        <source>&amp;Wklej z Excela</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tables/editor.py" line="126"/>
        <source>Dopisz wiersze skopiowane z arkusza (Ctrl+V w tabeli)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tables/editor.py" line="228"/>
        <source>Usunąć zaznaczone wiersze ({n})? Tego nie można cofnąć.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tables/editor.py" line="229"/>
        <source>Usuwanie wierszy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tables/editor.py" line="257"/>
        <source>Wklejanie z Excela</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tables/editor.py" line="259"/>
        <source>Schowek nie zawiera wierszy do wklejenia.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tables/editor.py" line="264"/>
        <source>Wklejono wierszy: {n}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tables/editor.py" line="266"/>
        <source>Dodano wierszy: {n}. Tych komórek nie udało się odczytać; zostały puste:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tables/editor.py" line="293"/>
        <source>Kolejność zmienia się tylko bez sortowania i filtra.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tables/editor.py" line="297"/>
        <source>Wierszy: {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tables/editor.py" line="299"/>
        <source>(widocznych: {n})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TableModel</name>
    <message>
        <location filename="../../ui/tables/model.py" line="173"/>
        <source>(wymagane)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tables/model.py" line="231"/>
        <source>Wiersz {row}, kolumna „{column}”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>self.owner</name>
    <message>
        <location filename="../../ui/indicator_bars.py" line="100"/>
        <source>brak danych</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/indicator_bars.py" line="103"/>
        <source>średnia KKK {v}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/indicator_bars.py" line="105"/>
        <source>Klaster: {v}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/indicator_bars.py" line="107"/>
        <source>Średnia KKK: {v}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/indicator_bars.py" line="113"/>
        <source>p.p.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
