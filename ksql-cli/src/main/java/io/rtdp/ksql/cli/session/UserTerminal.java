package io.rtdp.ksql.cli.session;

import java.util.List;

/** What only an interactive terminal offers: Ctrl-C, the screen, the history. Scripts get {@link #NONE}. */
public interface UserTerminal {
  /** Runs {@code action} when the user presses Ctrl-C, until the returned handle is closed. */
  Handle onInterrupt(Runnable action);

  /** Ends what {@link #onInterrupt} started. */
  interface Handle extends AutoCloseable {
    @Override
    void close();
  }

  void clearScreen();

  List<String> history();

  boolean interactive();

  UserTerminal NONE = new UserTerminal() {
    @Override
    public Handle onInterrupt(Runnable action) {
      return () -> { };
    }

    @Override
    public void clearScreen() {
      // A script's output has no screen to clear.
    }

    @Override
    public List<String> history() {
      return List.of();
    }

    @Override
    public boolean interactive() {
      return false;
    }
  };
}
