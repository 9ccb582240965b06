case a in a) echo x; echo y;; esac
