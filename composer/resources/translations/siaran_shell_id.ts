<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>AccountForm</name>
    <message>
        <source>Add an account</source>
        <translation>Tambah akun</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation>Nama akun</translation>
    </message>
    <message>
        <source>e.g. portal, x-humas</source>
        <translation>mis. portal, x-humas</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>&amp;Channel:</source>
        <translation>&amp;Kanal:</translation>
    </message>
    <message>
        <source>Account &amp;name:</source>
        <translation>&amp;Nama akun:</translation>
    </message>
    <message>
        <source>Kept in the system keyring, never in Siaran&apos;s files</source>
        <translation>Disimpan di keyring sistem, tidak pernah di berkas Siaran</translation>
    </message>
    <message>
        <source>(optional)</source>
        <translation>(opsional)</translation>
    </message>
    <message>
        <source>This channel needs no sign-in.</source>
        <translation>Kanal ini tidak memerlukan masuk akun.</translation>
    </message>
    <message>
        <source>Give the account a name.</source>
        <translation>Beri nama akun ini.</translation>
    </message>
    <message>
        <source>Please fill in: {fields}</source>
        <translation>Harap isi: {fields}</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Menyimpan…</translation>
    </message>
</context>
<context>
    <name>AccountsDialog</name>
    <message>
        <source>Accounts and channels</source>
        <translation>Akun dan kanal</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Shown as</source>
        <translation>Tampil sebagai</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Akun</translation>
    </message>
    <message>
        <source>&amp;Add account…</source>
        <translation>&amp;Tambah akun…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Hapus</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Channels found</source>
        <translation>Kanal yang ditemukan</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>practice</source>
        <translation>latihan</translation>
    </message>
    <message>
        <source>account</source>
        <translation>akun</translation>
    </message>
    <message>
        <source>No accounts yet. Add one to publish beyond the folder.</source>
        <translation>Belum ada akun. Tambahkan akun untuk menerbitkan selain ke folder.</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>siap</translation>
    </message>
    <message>
        <source>preview only (cannot publish yet)</source>
        <translation>pratinjau saja (belum bisa menerbitkan)</translation>
    </message>
    <message>
        <source>failed to load: {error}</source>
        <translation>gagal dimuat: {error}</translation>
    </message>
    <message>
        <source>Remove account</source>
        <translation>Hapus akun</translation>
    </message>
    <message>
        <source>Remove the account &apos;{name}&apos; and its saved sign-in from the keyring?</source>
        <translation>Hapus akun &apos;{name}&apos; beserta data masuknya dari keyring?</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Biarkan</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Berkas</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Sunting</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Tampilan</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Pengaturan</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Bahasa</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ban&amp;tuan</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Utama</translation>
    </message>
    <message>
        <source>Remove the selected image</source>
        <translation>Hapus gambar yang dipilih</translation>
    </message>
    <message>
        <source>Move the selected image</source>
        <translation>Pindahkan gambar yang dipilih</translation>
    </message>
    <message>
        <source>Next field</source>
        <translation>Isian berikutnya</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Pintasan papan ketik</translation>
    </message>
</context>
<context>
    <name>ChannelPicker</name>
    <message>
        <source>Accounts</source>
        <translation>Akun</translation>
    </message>
    <message>
        <source>Practice channels</source>
        <translation>Kanal latihan</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Folder</translation>
    </message>
    <message>
        <source>Preview only (no account)</source>
        <translation>Pratinjau saja (tanpa akun)</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Accounts…</source>
        <translation>Akun…</translation>
    </message>
    <message>
        <source>Manage accounts</source>
        <translation>Kelola akun</translation>
    </message>
    <message>
        <source>Channels to publish to</source>
        <translation>Kanal tujuan penerbitan</translation>
    </message>
    <message>
        <source>No account yet: shown for preview, not published</source>
        <translation>Belum ada akun: ditampilkan sebagai pratinjau, tidak diterbitkan</translation>
    </message>
</context>
<context>
    <name>ChannelTextPanel</name>
    <message>
        <source>Follow master</source>
        <translation>Ikuti teks utama</translation>
    </message>
    <message>
        <source>Drop this channel&apos;s own text and use the master text again</source>
        <translation>Buang teks khusus kanal ini dan pakai lagi teks utama</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Text for this channel</source>
        <translation>Teks untuk kanal ini</translation>
    </message>
    <message>
        <source>Thread parts</source>
        <translation>Bagian utas</translation>
    </message>
    <message>
        <source>Posted as a thread:</source>
        <translation>Diterbitkan sebagai utas:</translation>
    </message>
    <message>
        <source>Choose channels to see their text here.</source>
        <translation>Pilih kanal untuk melihat teksnya di sini.</translation>
    </message>
    <message>
        <source>Text for {channel}</source>
        <translation>Teks untuk {channel}</translation>
    </message>
    <message>
        <source>Follows the master text</source>
        <translation>Mengikuti teks utama</translation>
    </message>
    <message>
        <source>Edited for this channel; the master text no longer changes it</source>
        <translation>Disunting khusus kanal ini; teks utama tidak lagi mengubahnya</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>tanpa batas</translation>
    </message>
    <message>
        <source>{used} of {limit} ({unit})</source>
        <translation>{used} dari {limit} ({unit})</translation>
    </message>
    <message>
        <source>Beyond {channel}&apos;s limit</source>
        <translation>Melewati batas {channel}</translation>
    </message>
</context>
<context>
    <name>Corrections</name>
    <message>
        <source>Update (edit it in place)</source>
        <translation>Perbarui (sunting di tempatnya)</translation>
    </message>
    <message>
        <source>Replace (delete it, publish the new one)</source>
        <translation>Ganti (hapus, lalu terbitkan yang baru)</translation>
    </message>
    <message>
        <source>Post as new (the old one stays)</source>
        <translation>Terbitkan sebagai baru (yang lama tetap ada)</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Diperbarui</translation>
    </message>
    <message>
        <source>Replaced</source>
        <translation>Diganti</translation>
    </message>
    <message>
        <source>Posted as new</source>
        <translation>Diterbitkan sebagai baru</translation>
    </message>
    <message>
        <source>Already published, nothing sent: {link}</source>
        <translation>Sudah diterbitkan, tidak ada yang dikirim: {link}</translation>
    </message>
    <message>
        <source>Already published, nothing sent.</source>
        <translation>Sudah diterbitkan, tidak ada yang dikirim.</translation>
    </message>
    <message>
        <source>Changed since published; nothing sent yet. Choose below.</source>
        <translation>Berubah sejak diterbitkan; belum ada yang dikirim. Pilih di bawah.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Changed since published&lt;/b&gt; — nothing was sent to these channels. Choose per channel:</source>
        <translation>&lt;b&gt;Berubah sejak diterbitkan&lt;/b&gt; — tidak ada yang dikirim ke kanal ini. Pilih per kanal:</translation>
    </message>
    <message>
        <source>Carry out the choices</source>
        <translation>Jalankan pilihan</translation>
    </message>
</context>
<context>
    <name>CounterBar</name>
    <message numerus="yes">
        <source>%n part(s)</source>
        <translation>
            <numerusform>%n bagian</numerusform>
        </translation>
    </message>
    <message>
        <source>{channel}: {used} of {limit}</source>
        <translation>{channel}: {used} dari {limit}</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>tanpa batas</translation>
    </message>
</context>
<context>
    <name>DraftsController</name>
    <message>
        <source>&amp;New draft</source>
        <translation>Draf &amp;baru</translation>
    </message>
    <message>
        <source>&amp;Open draft…</source>
        <translation>&amp;Buka draf…</translation>
    </message>
    <message>
        <source>Database notice</source>
        <translation>Pemberitahuan basis data</translation>
    </message>
    <message>
        <source>There are no other drafts.</source>
        <translation>Tidak ada draf lain.</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(tanpa judul)</translation>
    </message>
    <message>
        <source>Open a draft</source>
        <translation>Buka draf</translation>
    </message>
    <message>
        <source>Drafts, newest first:</source>
        <translation>Draf, terbaru lebih dulu:</translation>
    </message>
</context>
<context>
    <name>EditController</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Urungkan</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Ulangi</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Tempel</translation>
    </message>
</context>
<context>
    <name>Findings</name>
    <message>
        <source>(no text)</source>
        <translation>(tanpa teks)</translation>
    </message>
    <message>
        <source>No account: add one under Accounts to publish here.</source>
        <translation>Tidak ada akun: tambahkan di Akun untuk menerbitkan di sini.</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>Published posts</source>
        <translation>Postingan yang diterbitkan</translation>
    </message>
    <message>
        <source>Post / channel</source>
        <translation>Postingan / kanal</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Link or reason</source>
        <translation>Tautan atau alasan</translation>
    </message>
    <message>
        <source>Nothing published yet. Published posts appear here with a link per channel.</source>
        <translation>Belum ada yang diterbitkan. Postingan yang terbit muncul di sini dengan tautan per kanal.</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>menunggu</translation>
    </message>
    <message>
        <source>images uploaded</source>
        <translation>gambar terunggah</translation>
    </message>
    <message>
        <source>published</source>
        <translation>terbit</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>gagal</translation>
    </message>
    <message>
        <source>unknown: check the channel</source>
        <translation>tidak pasti: periksa kanalnya</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>dibatalkan</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>dihapus</translation>
    </message>
    <message>
        <source>posted by hand</source>
        <translation>diposting manual</translation>
    </message>
    <message>
        <source>published v{n} at {when}</source>
        <translation>diterbitkan v{n} pada {when}</translation>
    </message>
    <message>
        <source>updated v{n} at {when}</source>
        <translation>diperbarui v{n} pada {when}</translation>
    </message>
    <message>
        <source>replaced by v{n} at {when}</source>
        <translation>diganti dengan v{n} pada {when}</translation>
    </message>
    <message>
        <source>posted as new v{n} at {when}</source>
        <translation>diterbitkan sebagai baru v{n} pada {when}</translation>
    </message>
    <message>
        <source>deleted v{n} at {when}</source>
        <translation>dihapus v{n} pada {when}</translation>
    </message>
    <message>
        <source>{done} of {total} published</source>
        <translation>{done} dari {total} terbit</translation>
    </message>
    <message>
        <source>Sent by hand by {name}</source>
        <translation>Dikirim manual oleh {name}</translation>
    </message>
    <message>
        <source>Enter or double-click opens the link</source>
        <translation>Enter atau klik ganda membuka tautan</translation>
    </message>
    <message>
        <source>Open link</source>
        <translation>Buka tautan</translation>
    </message>
    <message>
        <source>Unpublish (delete it there)</source>
        <translation>Batalkan terbit (hapus di sana)</translation>
    </message>
    <message>
        <source>This channel does not let Siaran delete posts; delete it there</source>
        <translation>Kanal ini tidak mengizinkan Siaran menghapus postingan; hapus langsung di sana</translation>
    </message>
</context>
<context>
    <name>ImageToolsController</name>
    <message>
        <source>Add &amp;images…</source>
        <translation>Tambah &amp;gambar…</translation>
    </message>
    <message>
        <source>&amp;Template…</source>
        <translation>&amp;Templat…</translation>
    </message>
    <message>
        <source>The image is still being prepared.</source>
        <translation>Gambar masih disiapkan.</translation>
    </message>
    <message>
        <source>Crop for {channel}</source>
        <translation>Potongan untuk {channel}</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Templat</translation>
    </message>
</context>
<context>
    <name>Live</name>
    <message>
        <source>Too long for {channels}: the marked text does not fit.</source>
        <translation>Terlalu panjang untuk {channels}: teks yang ditandai tidak muat.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Siaran — write once, publish everywhere</source>
        <translation>Siaran — tulis sekali, terbitkan di mana saja</translation>
    </message>
    <message>
        <source>Loading channels…</source>
        <translation>Memuat kanal…</translation>
    </message>
    <message numerus="yes">
        <source>Resume publishing (%n unfinished)</source>
        <translation>
            <numerusform>Lanjutkan penerbitan (%n belum selesai)</numerusform>
        </translation>
    </message>
    <message>
        <source>Siaran</source>
        <translation>Siaran</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Perubahan belum disimpan</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Keluar</translation>
    </message>
    <message>
        <source>&amp;Previews</source>
        <translation>&amp;Pratinjau</translation>
    </message>
    <message>
        <source>Text per &amp;channel</source>
        <translation>Teks per &amp;kanal</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Riwayat</translation>
    </message>
    <message>
        <source>Go to the &amp;text</source>
        <translation>Ke &amp;teks</translation>
    </message>
    <message>
        <source>Go to the c&amp;hannels</source>
        <translation>Ke &amp;kanal</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>Pintasan &amp;papan ketik</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Menyimpan…</translation>
    </message>
    <message>
        <source>Saved {time}</source>
        <translation>Tersimpan {time}</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Tersimpan</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>Tidak tersimpan: {reason}</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Sedang bekerja…</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Postingan</translation>
    </message>
    <message>
        <source>Previews</source>
        <translation>Pratinjau</translation>
    </message>
    <message>
        <source>Text per channel</source>
        <translation>Teks per kanal</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Riwayat</translation>
    </message>
    <message>
        <source>Previews, per-channel text and history</source>
        <translation>Pratinjau, teks per kanal, dan riwayat</translation>
    </message>
    <message>
        <source>The draft could not be saved ({reason}). Close anyway and lose the latest changes?</source>
        <translation>Draf tidak dapat disimpan ({reason}). Tetap tutup dan kehilangan perubahan terakhir?</translation>
    </message>
    <message>
        <source>Close anyway</source>
        <translation>Tetap tutup</translation>
    </message>
    <message>
        <source>Keep open</source>
        <translation>Biarkan terbuka</translation>
    </message>
</context>
<context>
    <name>ManualRow</name>
    <message>
        <source>Copy &amp;text</source>
        <translation>Salin &amp;teks</translation>
    </message>
    <message>
        <source>Copy the text for {channel}</source>
        <translation>Salin teks untuk {channel}</translation>
    </message>
    <message>
        <source>Copy &amp;image</source>
        <translation>Salin &amp;gambar</translation>
    </message>
    <message>
        <source>Copy the image for {channel}</source>
        <translation>Salin gambar untuk {channel}</translation>
    </message>
    <message>
        <source>&amp;Open {channel}</source>
        <translation>&amp;Buka {channel}</translation>
    </message>
    <message>
        <source>Open {channel} with the text</source>
        <translation>Buka {channel} dengan teksnya</translation>
    </message>
    <message>
        <source>Sent &amp;by:</source>
        <translation>Dikirim &amp;oleh:</translation>
    </message>
    <message>
        <source>your name</source>
        <translation>nama Anda</translation>
    </message>
    <message>
        <source>Name of the officer who sent it</source>
        <translation>Nama petugas yang mengirimnya</translation>
    </message>
    <message>
        <source>I &amp;sent it</source>
        <translation>&amp;Sudah saya kirim</translation>
    </message>
    <message>
        <source>I sent it on {channel}: record it</source>
        <translation>Sudah saya kirim di {channel}: catat</translation>
    </message>
    <message>
        <source>Send it by hand: copy the text and the image, open {channel}, choose the chat or channel and send; then press “I sent it”.</source>
        <translation>Kirim secara manual: salin teks dan gambarnya, buka {channel}, pilih obrolan atau saluran lalu kirim; kemudian tekan “Sudah saya kirim”.</translation>
    </message>
    <message>
        <source>Send it by hand: copy the text, open {channel}, choose the chat or channel and send; then press “I sent it”.</source>
        <translation>Kirim secara manual: salin teksnya, buka {channel}, pilih obrolan atau saluran lalu kirim; kemudian tekan “Sudah saya kirim”.</translation>
    </message>
    <message>
        <source>Could not open {channel}; copy the text and send it from the app.</source>
        <translation>{channel} tidak dapat dibuka; salin teksnya dan kirim dari aplikasinya.</translation>
    </message>
    <message>
        <source>Type your name first, so the history shows who sent it.</source>
        <translation>Ketik nama Anda dahulu, agar riwayat menunjukkan siapa yang mengirimnya.</translation>
    </message>
    <message>
        <source>Sent by hand by {name}</source>
        <translation>Dikirim manual oleh {name}</translation>
    </message>
</context>
<context>
    <name>MasterEditor</name>
    <message>
        <source>Title (portal, YouTube)</source>
        <translation>Judul (portal, YouTube)</translation>
    </message>
    <message>
        <source>Post title</source>
        <translation>Judul postingan</translation>
    </message>
    <message>
        <source>Write the announcement once; every channel follows it.</source>
        <translation>Tulis pengumuman sekali; semua kanal mengikutinya.</translation>
    </message>
    <message>
        <source>Post text</source>
        <translation>Teks postingan</translation>
    </message>
</context>
<context>
    <name>MediaStrip</name>
    <message>
        <source>Add images…</source>
        <translation>Tambah gambar…</translation>
    </message>
    <message>
        <source>Add images or a video (Ctrl+Shift+I); you can also drop them or paste images</source>
        <translation>Tambahkan gambar atau video (Ctrl+Shift+I); Anda juga dapat menjatuhkannya ke sini atau menempelkan gambar</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Remove the selected image (Delete)</source>
        <translation>Hapus gambar yang dipilih (Delete)</translation>
    </message>
    <message>
        <source>Move earlier (Ctrl+Shift+Left)</source>
        <translation>Pindah ke depan (Ctrl+Shift+Kiri)</translation>
    </message>
    <message>
        <source>Move image earlier</source>
        <translation>Pindahkan gambar ke depan</translation>
    </message>
    <message>
        <source>Move later (Ctrl+Shift+Right)</source>
        <translation>Pindah ke belakang (Ctrl+Shift+Kanan)</translation>
    </message>
    <message>
        <source>Move image later</source>
        <translation>Pindahkan gambar ke belakang</translation>
    </message>
    <message>
        <source>Attached images</source>
        <translation>Gambar terlampir</translation>
    </message>
    <message>
        <source>Describe the selected image for people who cannot see it (alt text)</source>
        <translation>Jelaskan gambar yang dipilih untuk orang yang tidak dapat melihatnya (teks alternatif)</translation>
    </message>
    <message>
        <source>Alt text of the selected image</source>
        <translation>Teks alternatif gambar yang dipilih</translation>
    </message>
    <message>
        <source>Add images or a video</source>
        <translation>Tambahkan gambar atau video</translation>
    </message>
    <message>
        <source>Images and videos ({patterns})</source>
        <translation>Gambar dan video ({patterns})</translation>
    </message>
    <message>
        <source>Images ({patterns})</source>
        <translation>Gambar ({patterns})</translation>
    </message>
    <message>
        <source>Videos ({patterns})</source>
        <translation>Video ({patterns})</translation>
    </message>
    <message>
        <source>Could not add the video: {reason}</source>
        <translation>Video tidak dapat ditambahkan: {reason}</translation>
    </message>
    <message>
        <source>Could not add the image: {reason}</source>
        <translation>Gambar tidak dapat ditambahkan: {reason}</translation>
    </message>
    <message>
        <source>Remove image</source>
        <translation>Hapus gambar</translation>
    </message>
    <message>
        <source>Describe the video for people who cannot see it</source>
        <translation>Jelaskan isi video bagi orang yang tidak dapat melihatnya</translation>
    </message>
    <message>
        <source>no alt text</source>
        <translation>tanpa teks alt</translation>
    </message>
    <message>
        <source>This image has no alt text yet</source>
        <translation>Gambar ini belum punya teks alternatif</translation>
    </message>
    <message>
        <source>This video has no description yet</source>
        <translation>Video ini belum memiliki keterangan</translation>
    </message>
    <message>
        <source>{size} MB</source>
        <translation>{size} MB</translation>
    </message>
    <message>
        <source>No images. Drop, paste (Ctrl+V) or add them.</source>
        <translation>Belum ada gambar. Seret, tempel (Ctrl+V), atau tambahkan.</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n gambar</numerusform>
        </translation>
    </message>
    <message>
        <source>video</source>
        <translation>video</translation>
    </message>
    <message numerus="yes">
        <source>adding %n…</source>
        <translation>
            <numerusform>menambahkan %n…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n without alt text</source>
        <translation>
            <numerusform>%n tanpa teks alt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Notices</name>
    <message>
        <source>Siaran</source>
        <translation>Siaran</translation>
    </message>
</context>
<context>
    <name>Plurals</name>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n gambar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>a thread of %n part(s)</source>
        <translation>
            <numerusform>utas %n bagian</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) without alt text</source>
        <translation>
            <numerusform>%n gambar tanpa teks alternatif</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n channel(s)</source>
        <translation>
            <numerusform>%n kanal</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PostFileController</name>
    <message>
        <source>Open post &amp;file…</source>
        <translation>Buka berkas &amp;postingan…</translation>
    </message>
    <message>
        <source>Open post file</source>
        <translation>Buka berkas postingan</translation>
    </message>
    <message>
        <source>Post files ({patterns})</source>
        <translation>Berkas postingan ({patterns})</translation>
    </message>
    <message>
        <source>Opening {file}…</source>
        <translation>Membuka {file}…</translation>
    </message>
    <message>
        <source>Opened {file}</source>
        <translation>{file} dibuka</translation>
    </message>
</context>
<context>
    <name>PublishDialog</name>
    <message>
        <source>Publish</source>
        <translation>Terbitkan</translation>
    </message>
    <message>
        <source>&amp;Retry failed</source>
        <translation>&amp;Ulangi yang gagal</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Channels marked ✗ are not published: the reason is under each. The others go out.</source>
        <translation>Kanal bertanda ✗ tidak diterbitkan: alasannya ada di bawah masing-masing. Kanal lainnya tetap terbit.</translation>
    </message>
    <message numerus="yes">
        <source>Publish to %n channel(s)?</source>
        <translation>
            <numerusform>Terbitkan ke %n kanal?</numerusform>
        </translation>
    </message>
    <message>
        <source>No channel is chosen. Tick channels on the left first.</source>
        <translation>Belum ada kanal dipilih. Centang kanal di sebelah kiri dulu.</translation>
    </message>
    <message>
        <source>Publishing…</source>
        <translation>Menerbitkan…</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Dibatalkan</translation>
    </message>
    <message numerus="yes">
        <source>%n channel(s) to send by hand.</source>
        <translation>
            <numerusform>%n saluran perlu dikirim manual.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Ready: %n channel(s) to send by hand.</source>
        <translation>
            <numerusform>Siap: %n saluran perlu dikirim manual.</numerusform>
        </translation>
    </message>
    <message>
        <source>Published everywhere.</source>
        <translation>Terbit di semua kanal.</translation>
    </message>
    <message>
        <source>Published to {ok}; {failed} did not go out.</source>
        <translation>Terbit di {ok}; {failed} tidak terkirim.</translation>
    </message>
    <message>
        <source>Cancelling… (what is already posted stays posted)</source>
        <translation>Membatalkan… (yang sudah terbit tetap terbit)</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Publish to %n channel(s)</source>
        <translation>
            <numerusform>&amp;Terbitkan ke %n kanal</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PublishRows</name>
    <message>
        <source>checking whether it is already there…</source>
        <translation>memeriksa apakah sudah ada…</translation>
    </message>
    <message>
        <source>posting…</source>
        <translation>memposting…</translation>
    </message>
    <message>
        <source>uploading images…</source>
        <translation>mengunggah gambar…</translation>
    </message>
    <message>
        <source>waiting before trying again…</source>
        <translation>menunggu sebelum mencoba lagi…</translation>
    </message>
    <message>
        <source>no answer; checking before trying again…</source>
        <translation>tidak ada jawaban; memeriksa sebelum mencoba lagi…</translation>
    </message>
    <message>
        <source>posted</source>
        <translation>terbit</translation>
    </message>
    <message>
        <source>editing the published post…</source>
        <translation>menyunting postingan yang sudah terbit…</translation>
    </message>
    <message>
        <source>deleting the old post…</source>
        <translation>menghapus postingan lama…</translation>
    </message>
    <message>
        <source>Publish to {channel}</source>
        <translation>Terbitkan ke {channel}</translation>
    </message>
    <message>
        <source>Progress for {channel}</source>
        <translation>Kemajuan untuk {channel}</translation>
    </message>
    <message>
        <source>waiting to start…</source>
        <translation>menunggu dimulai…</translation>
    </message>
    <message>
        <source>preparing the video… {percent}%</source>
        <translation>menyiapkan video… {percent}%</translation>
    </message>
    <message>
        <source>uploading the video… {percent}%</source>
        <translation>mengunggah video… {percent}%</translation>
    </message>
    <message>
        <source>Published: {link}</source>
        <translation>Terbit: {link}</translation>
    </message>
    <message>
        <source>Published.</source>
        <translation>Terbit.</translation>
    </message>
    <message>
        <source>It did not go out.</source>
        <translation>Tidak terkirim.</translation>
    </message>
</context>
<context>
    <name>PublishingController</name>
    <message>
        <source>&amp;Publish…</source>
        <translation>&amp;Terbitkan…</translation>
    </message>
    <message>
        <source>&amp;Resume publishing…</source>
        <translation>&amp;Lanjutkan penerbitan…</translation>
    </message>
    <message>
        <source>Nothing is waiting to be published.</source>
        <translation>Tidak ada yang menunggu diterbitkan.</translation>
    </message>
</context>
<context>
    <name>ResumeDialog</name>
    <message>
        <source>Resume publishing</source>
        <translation>Lanjutkan penerbitan</translation>
    </message>
    <message numerus="yes">
        <source>%n send(s) did not finish. Resume them now?</source>
        <translation>
            <numerusform>%n pengiriman belum selesai. Lanjutkan sekarang?</numerusform>
        </translation>
    </message>
    <message>
        <source>Siaran checks each channel first, so nothing is posted twice.</source>
        <translation>Siaran memeriksa tiap kanal lebih dulu, jadi tidak ada yang terbit dua kali.</translation>
    </message>
    <message>
        <source>not finished</source>
        <translation>belum selesai</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Lanjutkan</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Resuming…</source>
        <translation>Melanjutkan…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Dibatalkan</translation>
    </message>
    <message>
        <source>Everything is published.</source>
        <translation>Semua sudah terbit.</translation>
    </message>
    <message numerus="yes">
        <source>%n send(s) still did not go out.</source>
        <translation>
            <numerusform>%n pengiriman masih belum terkirim.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsController</name>
    <message>
        <source>&amp;Accounts…</source>
        <translation>&amp;Akun…</translation>
    </message>
    <message>
        <source>P&amp;ractice mode</source>
        <translation>Mode &amp;latihan</translation>
    </message>
    <message>
        <source>Practice mode: local practice channels to train on, never a real account (Ctrl+Shift+P)</source>
        <translation>Mode latihan: kanal latihan lokal untuk berlatih, tidak pernah ke akun sungguhan (Ctrl+Shift+P)</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Bahasa sistem</translation>
    </message>
    <message>
        <source>Starting the practice servers…</source>
        <translation>Menyalakan server latihan…</translation>
    </message>
    <message>
        <source>Stopping the practice servers…</source>
        <translation>Mematikan server latihan…</translation>
    </message>
    <message>
        <source>Practice mode: practice channels are ready; nothing reaches a real account.</source>
        <translation>Mode latihan: kanal latihan siap; tidak ada yang sampai ke akun sungguhan.</translation>
    </message>
    <message>
        <source>Practice mode is off.</source>
        <translation>Mode latihan mati.</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <source>Unexpected error: {error}</source>
        <translation>Galat tak terduga: {error}</translation>
    </message>
</context>
<context>
    <name>VideoPanel</name>
    <message>
        <source>Position in the video</source>
        <translation>Posisi dalam video</translation>
    </message>
    <message>
        <source>Scrub to pick the cover or where the video starts and ends (arrows: a tenth of a second, Page Up/Down: a second)</source>
        <translation>Geser untuk memilih sampul atau titik awal dan akhir video (panah: sepersepuluh detik, Page Up/Down: satu detik)</translation>
    </message>
    <message>
        <source>Use as cover</source>
        <translation>Jadikan sampul</translation>
    </message>
    <message>
        <source>This frame is the video&apos;s cover (Ctrl+Shift+K)</source>
        <translation>Bingkai ini menjadi sampul video (Ctrl+Shift+K)</translation>
    </message>
    <message>
        <source>Start here</source>
        <translation>Mulai di sini</translation>
    </message>
    <message>
        <source>The video starts at this moment ([)</source>
        <translation>Video dimulai pada saat ini ([)</translation>
    </message>
    <message>
        <source>End here</source>
        <translation>Berakhir di sini</translation>
    </message>
    <message>
        <source>The video ends at this moment (])</source>
        <translation>Video berakhir pada saat ini (])</translation>
    </message>
    <message>
        <source>Whole video</source>
        <translation>Seluruh video</translation>
    </message>
    <message>
        <source>Send the video from start to end</source>
        <translation>Kirim video dari awal sampai akhir</translation>
    </message>
    <message>
        <source>Start at the keyframe</source>
        <translation>Mulai di bingkai kunci</translation>
    </message>
    <message>
        <source>Cover: the frame at {moment}</source>
        <translation>Sampul: bingkai pada {moment}</translation>
    </message>
    <message>
        <source>The whole video goes out ({length}).</source>
        <translation>Seluruh video dikirim ({length}).</translation>
    </message>
    <message>
        <source>Goes out from {start} to {end} ({length}).</source>
        <translation>Dikirim dari {start} sampai {end} ({length}).</translation>
    </message>
    <message>
        <source>Cut without re-encoding.</source>
        <translation>Dipotong tanpa dikodekan ulang.</translation>
    </message>
    <message>
        <source>The start is between keyframes: that part is re-encoded. The keyframe before it is at {moment}.</source>
        <translation>Titik awal berada di antara bingkai kunci: bagian itu dikodekan ulang. Bingkai kunci sebelumnya ada di {moment}.</translation>
    </message>
</context>
<context>
    <name>owner</name>
    <message numerus="yes">
        <source>Published to %n channel(s).</source>
        <translation>
            <numerusform>Diterbitkan ke %n kanal.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n channel(s) already published; nothing sent.</source>
        <translation>
            <numerusform>%n kanal sudah diterbitkan; tidak ada yang dikirim.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n channel(s) changed since published: choose what to do.</source>
        <translation>
            <numerusform>%n kanal berubah sejak diterbitkan: pilih tindakannya.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n channel(s) did not go out.</source>
        <translation>
            <numerusform>%n kanal tidak terkirim.</numerusform>
        </translation>
    </message>
</context>
</TS>
