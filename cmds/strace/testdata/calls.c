#define _GNU_SOURCE
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/mman.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <string.h>
#include <stdlib.h>
#include <sys/syscall.h>
int main(){
  char buf[100]; struct stat st; int p[2];
  write(99,"BEGIN",5);
  int fd=open("/etc/hostname",O_RDONLY|O_CLOEXEC);
  read(fd,buf,sizeof buf); fstat(fd,&st); lseek(fd,0,SEEK_SET); close(fd);
  open("/nonexistent/x",O_RDONLY);
  fd=openat(AT_FDCWD,"/tmp/zbstrace.tmp",O_WRONLY|O_CREAT|O_TRUNC,0644);
  write(fd,"hello\nworld\t\x01\xff long string that goes on and on and on and on",60); close(fd);
  stat("/tmp/zbstrace.tmp",&st); lstat("/tmp",&st); unlink("/tmp/zbstrace.tmp");
  access("/etc/passwd",R_OK|W_OK); mkdir("/tmp/zbdir",0755); rmdir("/tmp/zbdir");
  void*m=mmap(NULL,8192,PROT_READ|PROT_WRITE,MAP_PRIVATE|MAP_ANONYMOUS,-1,0); mprotect(m,4096,PROT_READ); munmap(m,8192);
  struct sigaction sa; memset(&sa,0,sizeof sa); sa.sa_handler=SIG_IGN; sigaction(SIGUSR1,&sa,NULL);
  sigset_t set; sigemptyset(&set); sigaddset(&set,SIGINT); sigaddset(&set,SIGTERM); sigprocmask(SIG_BLOCK,&set,NULL);
  struct termios t; ioctl(0,TCGETS,&t); ioctl(1,TIOCGWINSZ,buf);
  int s=socket(AF_INET,SOCK_STREAM|SOCK_CLOEXEC,0); close(s); s=socket(AF_UNIX,SOCK_DGRAM,0); close(s);
  pipe2(p,O_CLOEXEC); dup2(p[0],10); dup(p[1]); close(p[0]); close(p[1]);
  getpid(); kill(getpid(),SIGUSR1); chdir("/"); umask(022); 
  pid_t c=fork(); if(c==0){ _exit(3);} int ws; wait4(c,&ws,0,NULL);
  write(99,"END",3);
  return 0;
}
