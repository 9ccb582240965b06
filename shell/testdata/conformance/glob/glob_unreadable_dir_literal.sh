echo /nonexistent_dir_zz/*.txt
